package dev.baml4j.bench.load.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.InferenceConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;

/**
 * The floor: the bare AWS SDK v2 async client (Netty), sending the same Converse body that baml4j
 * sends, with no prompt rendering and no parsing. Everything baml4j adds is measured against it.
 */
public final class FloorClient implements AutoCloseable {
    /** The AWS documentation example key pair, which the emulator accepts when no credentials are configured. */
    public static final String ACCESS_KEY_ID = "AKIDEXAMPLE";
    public static final String SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    private final BedrockRuntimeAsyncClient client;
    private final ConverseRequest call;
    private final ConverseStreamRequest stream;

    public FloorClient(URI endpoint, String modelId, JsonNode body, int maxConnections) {
        this.client = BedrockRuntimeAsyncClient.builder()
                .region(Region.US_EAST_1)
                .endpointOverride(endpoint)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY)))
                .httpClientBuilder(NettyNioAsyncHttpClient.builder()
                        .maxConcurrency(maxConnections)
                        .maxPendingConnectionAcquires(Math.max(10_000, maxConnections * 2))
                        .connectionAcquisitionTimeout(Duration.ofSeconds(120))
                        .readTimeout(Duration.ofSeconds(120))
                        // As baml4j's provider does on http:// endpoints; the SDK default there is h2c,
                        // which would put every call on one multiplexed connection.
                        .protocol(Protocol.HTTP1_1)
                        .tcpKeepAlive(true))
                .build();
        List<SystemContentBlock> system = new ArrayList<>();
        for (JsonNode s : body.path("system")) {
            system.add(SystemContentBlock.fromText(s.path("text").asText()));
        }
        List<Message> messages = new ArrayList<>();
        for (JsonNode m : body.path("messages")) {
            List<ContentBlock> content = new ArrayList<>();
            for (JsonNode c : m.path("content")) {
                content.add(ContentBlock.fromText(c.path("text").asText()));
            }
            messages.add(Message.builder().role(ConversationRole.fromValue(m.path("role").asText()))
                    .content(content).build());
        }
        InferenceConfiguration.Builder inference = InferenceConfiguration.builder();
        JsonNode ic = body.path("inferenceConfig");
        if (ic.has("maxTokens")) {
            inference.maxTokens(ic.get("maxTokens").asInt());
        }
        if (ic.has("temperature")) {
            inference.temperature((float) ic.get("temperature").asDouble());
        }
        if (ic.has("topP")) {
            inference.topP((float) ic.get("topP").asDouble());
        }
        ConverseRequest.Builder c = ConverseRequest.builder().modelId(modelId).messages(messages);
        ConverseStreamRequest.Builder s = ConverseStreamRequest.builder().modelId(modelId).messages(messages);
        if (!system.isEmpty()) {
            c.system(system);
            s.system(system);
        }
        if (ic.isObject()) {
            c.inferenceConfig(inference.build());
            s.inferenceConfig(inference.build());
        }
        JsonNode extra = body.path("additionalModelRequestFields");
        if (extra.isObject()) {
            c.additionalModelRequestFields(document(extra));
            s.additionalModelRequestFields(document(extra));
        }
        this.call = c.build();
        this.stream = s.build();
    }

    /** A JSON value as an SDK {@link Document}, to send the same additional fields as baml4j. */
    static Document document(JsonNode n) {
        if (n.isObject()) {
            Map<String, Document> m = new LinkedHashMap<>();
            n.properties().forEach(e -> m.put(e.getKey(), document(e.getValue())));
            return Document.fromMap(m);
        }
        if (n.isArray()) {
            List<Document> l = new ArrayList<>();
            n.forEach(x -> l.add(document(x)));
            return Document.fromList(l);
        }
        if (n.isTextual()) {
            return Document.fromString(n.asText());
        }
        if (n.isBoolean()) {
            return Document.fromBoolean(n.asBoolean());
        }
        if (n.isNumber()) {
            return Document.fromNumber(n.decimalValue());
        }
        return Document.fromNull();
    }

    /** One Converse call; returns the reply text. */
    public String converse() {
        ConverseResponse r = client.converse(call).join();
        return r.output().message().content().get(0).text();
    }

    /** One ConverseStream call, consumed to the end; returns the number of text deltas. */
    public int converseStream() {
        return converseStreamAsync().join();
    }

    /** One ConverseStream call; completes with the number of text deltas once the stream ends. */
    public CompletableFuture<Integer> converseStreamAsync() {
        AtomicInteger deltas = new AtomicInteger();
        ConverseStreamResponseHandler handler = ConverseStreamResponseHandler.builder()
                .subscriber(ConverseStreamResponseHandler.Visitor.builder()
                        .onContentBlockDelta(d -> deltas.incrementAndGet())
                        .build())
                .build();
        return client.converseStream(stream, handler).thenApply(v -> deltas.get());
    }

    @Override
    public void close() {
        client.close();
    }
}
