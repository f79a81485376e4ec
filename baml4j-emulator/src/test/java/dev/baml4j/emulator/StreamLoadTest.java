package dev.baml4j.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;

/** Long streams and many concurrent streams, without errors or leaked connections. */
class StreamLoadTest {
  private BedrockEmulator emulator;

  @BeforeEach
  void start() {
    emulator = BedrockEmulator.builder().build().start();
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @ParameterizedTest
  @EnumSource(value = Protocol.class, names = {"HTTP2", "HTTP1_1"})
  void tenThousandDeltas(Protocol protocol) throws Exception {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 10_000; i++) {
      text.append((char) ('a' + i % 26)).append(i % 7 == 0 ? " " : "");
    }
    emulator.rules(Rules.of(Rule.any().reply(Reply.text(text.toString()).withDeltas(10_000))));
    try (BedrockRuntimeAsyncClient client = SdkClients.async(emulator.uri(), protocol)) {
      SdkClients.StreamResult r = SdkClients.stream(client, SdkClients.converseStream("go"),
          new SdkClients.StreamResult()).get(60, TimeUnit.SECONDS);
      assertThat(r.deltas).hasSize(10_000);
      assertThat(r.text()).isEqualTo(text.toString());
      assertThat(r.events.get(r.events.size() - 1)).isEqualTo("metadata");
    }
    assertThat(emulator.openStreams()).isZero();
  }

  private String postAndClose(String path, String body) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", emulator.port())) {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
          + "Content-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().write(bytes);
      socket.getOutputStream().flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** 1,000 streams over the SDK default (HTTP/2); 300 over HTTP/1.1, one connection each, to keep the run short. */
  @ParameterizedTest
  @EnumSource(value = Protocol.class, names = {"HTTP2", "HTTP1_1"})
  void manyConcurrentStreams(Protocol protocol) throws Exception {
    // Streams are held after messageStart until all of them are open, whatever the client's speed.
    emulator.rules(Rules.of(Rule.any().reply(Reply.ECHO.withDeltas(4).withDeltaDelay(Duration.ofMillis(5)))));
    if (protocol == Protocol.HTTP2) {
      emulator.holdStreams();
    } else {
      emulator.control("{\"holdStreams\": true}");
    }
    int n = protocol == Protocol.HTTP2 ? 1_000 : 300;
    try (BedrockRuntimeAsyncClient client = SdkClients.async(emulator.uri(), protocol, n)) {
      List<CompletableFuture<SdkClients.StreamResult>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        futures.add(SdkClients.stream(client, SdkClients.converseStream("stream number " + i),
            new SdkClients.StreamResult()));
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (emulator.openStreams() < n && System.nanoTime() < deadline
          && futures.stream().noneMatch(CompletableFuture::isCompletedExceptionally)) {
        Thread.sleep(20);
      }
      for (CompletableFuture<SdkClients.StreamResult> f : futures) {
        if (f.isCompletedExceptionally()) {
          f.get();
        }
      }
      assertThat(emulator.openStreams()).as("streams open at once").isEqualTo(n);
      // Released over the HTTP control API, as an out-of-process test would (and on a connection
      // that closes, so the leak check below only sees the SDK's connections).
      assertThat(postAndClose("/__control", "{\"holdStreams\": false}")).startsWith("HTTP/1.1 200");
      CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0])).get(120, TimeUnit.SECONDS);
      for (int i = 0; i < n; i++) {
        SdkClients.StreamResult r = futures.get(i).join();
        assertThat(r.text()).isEqualTo("stream number " + i);
        assertThat(r.stopReason).isEqualTo("end_turn");
      }
      assertThat(emulator.openStreams()).isZero();
      assertThat(emulator.journal().total()).isEqualTo(n);
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (emulator.openConnections() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(emulator.openConnections()).as("connections left open after the client closed").isZero();
  }
}
