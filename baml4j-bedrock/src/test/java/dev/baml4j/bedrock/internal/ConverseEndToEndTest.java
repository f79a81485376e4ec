package dev.baml4j.bedrock.internal;

import static dev.baml4j.bedrock.internal.EmulatorFixture.client;
import static dev.baml4j.bedrock.internal.EmulatorFixture.cleanEnv;
import static dev.baml4j.bedrock.internal.EmulatorFixture.prompt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baml4j.BamlClientFinishReasonException;
import dev.baml4j.BamlClientException;
import dev.baml4j.BamlClientHttpException;
import dev.baml4j.BamlTimeoutException;
import dev.baml4j.emulator.BedrockEmulator;
import dev.baml4j.emulator.Fault;
import dev.baml4j.emulator.Reply;
import dev.baml4j.emulator.RecordedRequest;
import dev.baml4j.emulator.junit.BedrockEmulatorExtension;
import dev.baml4j.provider.LlmClient;
import dev.baml4j.provider.LlmResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The real SDK over loopback against the emulator: Converse, ConverseStream, finish reasons, errors. */
@ExtendWith(BedrockEmulatorExtension.class)
class ConverseEndToEndTest {

    private static Throwable failure(Runnable r) {
        try {
            r.run();
        } catch (CompletionException e) {
            return e.getCause();
        }
        throw new AssertionError("expected a failure");
    }

    @Test
    void callReturnsTextFinishReasonAndUsageOverASignedRequest(BedrockEmulator emulator) {
        emulator.control(Reply.text("Hello there").withUsage(11, 3).withCacheUsage(5, 7), null);
        LlmResponse r = client(emulator, Map.of()).call(prompt("ping")).join();
        assertThat(r.text()).isEqualTo("Hello there");
        assertThat(r.finishReason()).isEqualTo("end_turn");
        assertThat(r.usage().inputTokens()).isEqualTo(11L);
        assertThat(r.usage().outputTokens()).isEqualTo(3L);
        assertThat(r.usage().cacheReadTokens()).isEqualTo(5L);
        assertThat(r.usage().cacheWriteTokens()).isEqualTo(7L);
        RecordedRequest req = emulator.journal().last();
        assertThat(req.signatureValid()).isTrue();
        assertThat(req.service()).isEqualTo("bedrock");
        assertThat(req.path()).isEqualTo("/model/anthropic.claude-3-haiku-20240307-v1%3A0/converse");
        assertThat(r.rawRequest()).contains("\"system\"").contains("ping");
    }

    @Test
    void streamDeliversDeltasThenTheFinishReason(BedrockEmulator emulator) throws Exception {
        emulator.control(Reply.text("one two three four").withDeltas(4).withUsage(9, 4), null);
        EmulatorFixture.Recorder rec = new EmulatorFixture.Recorder();
        client(emulator, Map.of()).stream(prompt("go"), rec);
        LlmResponse r = rec.await();
        assertThat(rec.deltas).hasSizeGreaterThanOrEqualTo(2);
        assertThat(String.join("", rec.deltas)).isEqualTo("one two three four");
        assertThat(r.text()).isEqualTo("one two three four");
        assertThat(r.finishReason()).isEqualTo("end_turn");
        assertThat(r.usage().outputTokens()).isEqualTo(4L);
        assertThat(rec.terminalEvents).isEqualTo(1);
        assertThat(emulator.journal().last().path()).endsWith("/converse-stream");
    }

    @Test
    void finishReasonListsApplyToCallsAndStreamsIgnoringCase(BedrockEmulator emulator) throws Exception {
        emulator.control("{\"stopReason\": \"max_tokens\"}");
        LlmClient allow = client(emulator, Map.of("finish_reason_allow_list", List.of("END_TURN")));
        Throwable t = failure(() -> allow.call(prompt("x")).join());
        assertThat(t).isInstanceOf(BamlClientFinishReasonException.class);
        assertThat(((BamlClientFinishReasonException) t).finishReason()).isEqualTo("max_tokens");
        assertThat(((BamlClientFinishReasonException) t).rawOutput()).isEqualTo("x");
        EmulatorFixture.Recorder rec = new EmulatorFixture.Recorder();
        allow.stream(prompt("x"), rec);
        assertThatThrownBy(rec::await).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(BamlClientFinishReasonException.class);
        LlmClient deny = client(emulator, Map.of("finish_reason_deny_list", List.of("Max_Tokens")));
        assertThat(failure(() -> deny.call(prompt("x")).join())).isInstanceOf(BamlClientFinishReasonException.class);
        emulator.control("{\"stopReason\": \"end_turn\"}");
        assertThat(deny.call(prompt("x")).join().text()).isEqualTo("x");
    }

    @Test
    void supportsStreamingFalseSendsOneConverseRequest(BedrockEmulator emulator) throws Exception {
        EmulatorFixture.Recorder rec = new EmulatorFixture.Recorder();
        client(emulator, Map.of("supports_streaming", false)).stream(prompt("solo"), rec);
        assertThat(rec.await().text()).isEqualTo("solo");
        assertThat(rec.deltas).containsExactly("solo");
        assertThat(emulator.journal().size()).isEqualTo(1);
        assertThat(emulator.journal().last().path()).endsWith("/converse");
    }

    @Test
    void errorsKeepStatusAwsCodeRequestIdAndBody(BedrockEmulator emulator) {
        emulator.control("{\"status\": 400, \"errorType\": \"ValidationException\"}");
        Throwable t = failure(() -> client(emulator, Map.of()).call(prompt("x")).join());
        BamlClientHttpException e = (BamlClientHttpException) t;
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.errorCode()).isEqualTo("ValidationException");
        assertThat(e.rawBody()).isNotBlank();
        assertThat(e.clientName()).isEqualTo("Probe");
        assertThat(e.isRetryable()).isFalse();
        assertThat(e.getMessage()).doesNotContain("wJalrXUtnFEMI");
        emulator.control("{\"status\": 429, \"errorType\": \"ThrottlingException\"}");
        BamlClientHttpException throttled = (BamlClientHttpException) failure(() -> client(emulator, Map.of()).call(prompt("x")).join());
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.isRetryable()).isTrue();
    }

    @Test
    void sdkRetriesAreOffWhenARetryPolicyOwnsThem(BedrockEmulator emulator) {
        emulator.control("{\"status\": 500, \"errorType\": \"InternalServerException\"}");
        failure(() -> client(emulator, Map.of(), cleanEnv(), true).call(prompt("x")).join());
        assertThat(emulator.journal().size()).isEqualTo(1);
        emulator.reset();
        emulator.control("{\"status\": 500, \"errorType\": \"InternalServerException\"}");
        failure(() -> client(emulator, Map.of(), cleanEnv(), false).call(prompt("x")).join());
        assertThat(emulator.journal().size()).isGreaterThan(1);
    }

    @Test
    void streamExceptionsKeepTheirAwsType(BedrockEmulator emulator) {
        emulator.fault(Fault.streamException("throttlingException", "slow down", 1));
        EmulatorFixture.Recorder rec = new EmulatorFixture.Recorder();
        client(emulator, Map.of()).stream(prompt("a b c d"), rec);
        Throwable t = failure(() -> rec.done.join());
        assertThat(t).isInstanceOf(BamlClientHttpException.class);
        assertThat(((BamlClientHttpException) t).errorCode()).containsIgnoringCase("throttlingException");
        assertThat(((BamlClientHttpException) t).isRetryable()).isTrue();
    }

    @Test
    void aStreamCutShortFailsAsAClientErrorNeverAsACompleteReply(BedrockEmulator emulator) {
        for (Fault.Kind kind : new Fault.Kind[] {Fault.Kind.RESET, Fault.Kind.TRUNCATED_FRAME, Fault.Kind.BAD_CRC}) {
            emulator.reset();
            emulator.control(Reply.text("one two three four five six").withDeltas(6), Fault.after(kind, 2));
            EmulatorFixture.Recorder rec = new EmulatorFixture.Recorder();
            client(emulator, Map.of()).stream(prompt("go"), rec);
            Throwable t = failure(() -> rec.done.join());
            assertThat(t).as(kind.name()).isInstanceOf(BamlClientException.class);
        }
    }

    @Test
    void requestAndFirstTokenTimeoutsAreHonoured(BedrockEmulator emulator) {
        emulator.control("{\"delayMs\": 1500}");
        Throwable t = failure(() -> client(emulator, Map.of("http", Map.of("request_timeout_ms", 200))).call(prompt("x")).join());
        assertThat(t).isInstanceOf(BamlTimeoutException.class);
        EmulatorFixture.Recorder rec = new EmulatorFixture.Recorder();
        client(emulator, Map.of("http", Map.of("time_to_first_token_timeout_ms", 200))).stream(prompt("x"), rec);
        assertThat(failure(() -> rec.done.join())).isInstanceOf(BamlTimeoutException.class)
                .hasMessageContaining("time_to_first_token_timeout_ms");
    }

    @Test
    void idleTimeoutEndsAStalledStream(BedrockEmulator emulator) {
        emulator.control(Reply.text("a b c").withDeltas(3).withDeltaDelay(java.time.Duration.ofMillis(1500)), null);
        EmulatorFixture.Recorder rec = new EmulatorFixture.Recorder();
        client(emulator, Map.of("http", Map.of("idle_timeout_ms", 300))).stream(prompt("x"), rec);
        assertThat(failure(() -> rec.done.join())).isInstanceOf(BamlTimeoutException.class)
                .hasMessageContaining("idle_timeout_ms");
        assertThat(rec.deltas).hasSize(1);
    }

    @Test
    void cancelStopsDeliveryAndFreesTheConnection(BedrockEmulator emulator) throws Exception {
        emulator.control(Reply.text("one two three four five six").withDeltas(6).withDeltaDelay(java.time.Duration.ofMillis(300)), null);
        EmulatorFixture.Recorder rec = new EmulatorFixture.Recorder();
        LlmClient.StreamHandle handle = client(emulator, Map.of()).stream(prompt("x"), rec);
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (rec.deltas.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        handle.cancel();
        assertThatThrownBy(() -> handle.completion().join()).isInstanceOf(java.util.concurrent.CancellationException.class);
        int seen = rec.deltas.size();
        while (emulator.openConnections() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(emulator.openConnections()).isZero();
        Thread.sleep(400);
        assertThat(rec.deltas).hasSize(seen);
        assertThat(rec.terminalEvents).isEqualTo(1);
    }
}
