package dev.baml4j.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.ModelStreamErrorException;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

/**
 * {@code BedrockRuntimeAsyncClient.converseStream} with a response handler, over the SDK default
 * (HTTP/2 prior knowledge on http) and over HTTP/1.1.
 */
class ConverseStreamTest {
  private static BedrockEmulator emulator;
  private static BedrockRuntimeAsyncClient h2;
  private static BedrockRuntimeAsyncClient h1;

  static Stream<Arguments> protocols() {
    return Stream.of(Arguments.of("default (h2c)", null, "HTTP/2"),
        Arguments.of("HTTP/1.1", Protocol.HTTP1_1, "HTTP/1.1"));
  }

  @BeforeAll
  static void start() {
    emulator = BedrockEmulator.builder().build().start();
    h2 = SdkClients.async(emulator.uri(), null);
    h1 = SdkClients.async(emulator.uri(), Protocol.HTTP1_1);
  }

  @AfterAll
  static void stop() {
    h2.close();
    h1.close();
    emulator.close();
  }

  @BeforeEach
  void clean() {
    emulator.reset();
  }

  private static BedrockRuntimeAsyncClient client(Protocol protocol) {
    return protocol == null ? h2 : h1;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("protocols")
  void streamsTheEventsInOrder(String name, Protocol protocol, String wireVersion) throws Exception {
    emulator.rules(Rules.of(Rule.any().reply(Reply.text("Hello from the emulator!").withDeltas(5)
        .withStopReason("max_tokens").withUsage(11, 6).withCacheUsage(4, null))));
    {
      BedrockRuntimeAsyncClient client = client(protocol);
      SdkClients.StreamResult r = SdkClients.stream(client, SdkClients.converseStream("hi"),
          new SdkClients.StreamResult()).get(10, TimeUnit.SECONDS);

      assertThat(r.text()).isEqualTo("Hello from the emulator!");
      assertThat(r.deltas).hasSize(5);
      assertThat(r.events).containsExactly("messageStart", "contentBlockDelta", "contentBlockDelta",
          "contentBlockDelta", "contentBlockDelta", "contentBlockDelta", "contentBlockStop", "messageStop",
          "metadata");
      assertThat(r.stopReason).isEqualTo("max_tokens");
      assertThat(r.metadata.usage().inputTokens()).isEqualTo(11);
      assertThat(r.metadata.usage().outputTokens()).isEqualTo(6);
      assertThat(r.metadata.usage().cacheReadInputTokens()).isEqualTo(4);
      assertThat(r.metadata.usage().cacheWriteInputTokens()).isNull();
      assertThat(r.metadata.metrics().latencyMs()).isNotNegative();
      RecordedRequest rec = emulator.journal().last();
      assertThat(rec.signatureValid()).isTrue();
      assertThat(rec.httpVersion()).isEqualTo(wireVersion);
      assertThat(rec.path()).endsWith("/converse-stream");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("protocols")
  void echoIsTheDefaultAndDeltasArePaced(String name, Protocol protocol, String wireVersion) throws Exception {
    emulator.control("{\"deltas\": 4, \"deltaDelayMs\": 40}");
    {
      BedrockRuntimeAsyncClient client = client(protocol);
      long start = System.nanoTime();
      SdkClients.StreamResult r = SdkClients.stream(client, SdkClients.converseStream("echo me please"),
          new SdkClients.StreamResult()).get(10, TimeUnit.SECONDS);
      assertThat(r.text()).isEqualTo("echo me please");
      assertThat(r.deltas).hasSize(4);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(120));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("protocols")
  void exceptionEventAfterNDeltas(String name, Protocol protocol, String wireVersion) {
    emulator.rules(Rules.of(Rule.any().reply(Reply.text("abcdef").withDeltas(6))
        .fault(Fault.streamException("throttlingException", "Too many tokens", 2))));
    {
      BedrockRuntimeAsyncClient client = client(protocol);
      SdkClients.StreamResult r = new SdkClients.StreamResult();
      assertThatThrownBy(() -> SdkClients.stream(client, SdkClients.converseStream("x"), r).join())
          .isInstanceOf(CompletionException.class)
          .hasCauseInstanceOf(ThrottlingException.class)
          .hasMessageContaining("Too many tokens");
      assertThat(r.deltas).containsExactly("a", "b");
    }
    emulator.fault(Fault.streamException("modelStreamErrorException", "model broke", 0));
    {
      BedrockRuntimeAsyncClient client = client(protocol);
      assertThatThrownBy(() -> SdkClients.stream(client, SdkClients.converseStream("x"),
          new SdkClients.StreamResult()).join()).hasCauseInstanceOf(ModelStreamErrorException.class);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("protocols")
  void httpErrorBeforeTheStream(String name, Protocol protocol, String wireVersion) {
    emulator.control("{\"status\": 400, \"errorType\": \"ValidationException\"}");
    {
      BedrockRuntimeAsyncClient client = client(protocol);
      assertThatThrownBy(() -> SdkClients.stream(client, SdkClients.converseStream("x"),
          new SdkClients.StreamResult()).join())
          .hasCauseInstanceOf(ValidationException.class)
          .hasMessageContaining("Malformed input request");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("protocols")
  void brokenStreamsFailTheCall(String name, Protocol protocol, String wireVersion) {
    for (Fault fault : new Fault[] {Fault.after(Fault.Kind.BAD_CRC, 1), Fault.after(Fault.Kind.TRUNCATED_FRAME, 1),
        Fault.after(Fault.Kind.RESET, 1), Fault.of(Fault.Kind.RESET), Fault.after(Fault.Kind.NOT_JSON, 1)}) {
      emulator.control(Reply.ECHO.withDeltas(4), fault);
      {
      BedrockRuntimeAsyncClient client = client(protocol);
        SdkClients.StreamResult r = new SdkClients.StreamResult();
        assertThatThrownBy(() -> SdkClients.stream(client, SdkClients.converseStream("abcdefgh"), r)
            .get(10, TimeUnit.SECONDS))
            .as(fault.kind().name())
            .hasRootCauseInstanceOf(Throwable.class)
            .satisfies(e -> assertThat(e.getCause()).isInstanceOfAny(SdkClientException.class,
                java.io.IOException.class, software.amazon.awssdk.core.exception.SdkException.class));
        assertThat(r.events).as(fault.kind().name()).doesNotContain("messageStop");
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("protocols")
  void stallLeavesTheStreamOpenUntilTheClientGivesUp(String name, Protocol protocol, String wireVersion)
      throws Exception {
    emulator.control(Reply.ECHO.withDeltas(8), Fault.after(Fault.Kind.STALL, 2));
    SdkClients.StreamResult r = new SdkClients.StreamResult();
    int openBefore = emulator.openStreams();
    java.util.concurrent.CompletableFuture<SdkClients.StreamResult> f =
        SdkClients.stream(client(protocol), SdkClients.converseStream("abcdefgh"), r);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (r.deltaCount() < 2 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    Thread.sleep(300);
    assertThat(f).isNotDone();
    assertThat(r.deltaCount()).isEqualTo(2);
    assertThat(r.eventsSnapshot()).doesNotContain("contentBlockStop");
    assertThat(emulator.openStreams()).isEqualTo(openBefore + 1);
    f.cancel(true);
  }

}
