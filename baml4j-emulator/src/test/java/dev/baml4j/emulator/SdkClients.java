package dev.baml4j.emulator;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.Protocol;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamMetadataEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.MessageStopEvent;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;

/** Real AWS SDK v2 clients pointed at an emulator: the shared fixture of these tests. */
final class SdkClients {
  static final String MODEL = "anthropic.claude-3-haiku-20240307-v1:0";

  /**
   * One event loop for every test client, owned here: clients built with it don't run Netty's
   * graceful shutdown (seconds of quiet period) when they close.
   */
  private static final SdkEventLoopGroup EVENT_LOOP = SdkEventLoopGroup.create(
      new NioEventLoopGroup(2, new DefaultThreadFactory("test-sdk-client", true)), NioSocketChannel::new);

  private SdkClients() {}

  static AwsCredentialsProvider exampleKeys() {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create(Credentials.EXAMPLE_ACCESS_KEY_ID,
        Credentials.EXAMPLE_SECRET_ACCESS_KEY));
  }

  static BedrockRuntimeClient sync(URI endpoint) {
    return sync(endpoint, exampleKeys(), Region.US_EAST_1);
  }

  static BedrockRuntimeClient sync(URI endpoint, AwsCredentialsProvider creds, Region region) {
    return BedrockRuntimeClient.builder()
        .endpointOverride(endpoint)
        .region(region)
        .credentialsProvider(creds)
        .httpClient(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(5)).build())
        .overrideConfiguration(o -> o.retryStrategy(b -> b.maxAttempts(1)))
        .build();
  }

  /** {@code protocol} null keeps the SDK default (HTTP/2, prior knowledge over http). */
  static BedrockRuntimeAsyncClient async(URI endpoint, Protocol protocol) {
    return async(endpoint, protocol, 50);
  }

  static BedrockRuntimeAsyncClient async(URI endpoint, Protocol protocol, int maxConcurrency) {
    // Generous timeouts: load tests hold streams open, and the shared CI machine can be slow.
    NettyNioAsyncHttpClient.Builder http = NettyNioAsyncHttpClient.builder().maxConcurrency(maxConcurrency)
        .maxPendingConnectionAcquires(100_000).readTimeout(Duration.ofSeconds(120))
        .connectionAcquisitionTimeout(Duration.ofSeconds(120)).connectionTimeout(Duration.ofSeconds(30))
        .eventLoopGroup(EVENT_LOOP);
    if (protocol != null) {
      http.protocol(protocol);
    }
    return BedrockRuntimeAsyncClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(exampleKeys())
        .httpClientBuilder(http)
        .overrideConfiguration(o -> o.retryStrategy(b -> b.maxAttempts(1)))
        .build();
  }

  static ConverseRequest converse(String system, String user) {
    ConverseRequest.Builder b = ConverseRequest.builder().modelId(MODEL)
        .messages(Message.builder().role(ConversationRole.USER).content(ContentBlock.fromText(user)).build());
    if (system != null) {
      b.system(SystemContentBlock.fromText(system));
    }
    return b.build();
  }

  static ConverseStreamRequest converseStream(String user) {
    return ConverseStreamRequest.builder().modelId(MODEL)
        .messages(Message.builder().role(ConversationRole.USER).content(ContentBlock.fromText(user)).build())
        .build();
  }

  /** What a stream delivered, in order. */
  static final class StreamResult {
    // Filled on SDK threads; synchronized so a test can watch a stream in progress.
    final List<String> deltas = java.util.Collections.synchronizedList(new ArrayList<>());
    final List<String> events = java.util.Collections.synchronizedList(new ArrayList<>());
    volatile String stopReason;
    volatile ConverseStreamMetadataEvent metadata;

    String text() {
      synchronized (deltas) {
        return String.join("", deltas);
      }
    }

    int deltaCount() {
      return deltas.size();
    }

    List<String> eventsSnapshot() {
      synchronized (events) {
        return new ArrayList<>(events);
      }
    }
  }

  /** Runs a ConverseStream through a response handler; the future fails like the SDK call does. */
  static CompletableFuture<StreamResult> stream(BedrockRuntimeAsyncClient client, ConverseStreamRequest request,
      StreamResult into) {
    ConverseStreamResponseHandler handler = ConverseStreamResponseHandler.builder()
        .subscriber(ConverseStreamResponseHandler.Visitor.builder()
            .onMessageStart(e -> into.events.add("messageStart"))
            .onContentBlockDelta(e -> {
              into.events.add("contentBlockDelta");
              into.deltas.add(e.delta().text());
            })
            .onContentBlockStop(e -> into.events.add("contentBlockStop"))
            .onMessageStop((MessageStopEvent e) -> {
              into.events.add("messageStop");
              into.stopReason = e.stopReasonAsString();
            })
            .onMetadata(e -> {
              into.events.add("metadata");
              into.metadata = e;
            })
            .build())
        .build();
    return client.converseStream(request, handler).thenApply(v -> into);
  }
}
