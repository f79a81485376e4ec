package dev.baml4j.cli.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baml4j.BamlClientFinishReasonException;
import dev.baml4j.BamlClientHttpException;
import dev.baml4j.emulator.BedrockEmulator;
import dev.baml4j.emulator.Credentials;
import dev.baml4j.emulator.Fault;
import dev.baml4j.emulator.RecordedRequest;
import dev.baml4j.emulator.Reply;
import dev.baml4j.emulator.Rule;
import dev.baml4j.emulator.Rules;
import dev.baml4j.runtime.BamlRuntime;
import dev.baml4j.runtime.BamlStream;
import dev.baml4j.runtime.CallOptions;
import dev.baml4j.runtime.Collector;
import dev.baml4j.runtime.FunctionLog;
import dev.baml4j.runtime.LlmCall;
import dev.baml4j.runtime.testing.FastForwardClock;
import dev.baml4j.types.BamlValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The runtime with the real aws-bedrock provider (AWS SDK v2) against the emulator, over loopback. */
class RuntimeEndToEndTest {

    private static BedrockEmulator emulator;
    private FastForwardClock clock;
    private BamlRuntime rt;

    @BeforeAll
    static void start() {
        emulator = BedrockEmulator.builder().port(0).credentials(Credentials.defaults()).build().start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @BeforeEach
    void fresh() {
        emulator.reset();
        emulator.rules(Rules.echo());
        clock = new FastForwardClock(Duration.ofMinutes(1));
        rt = E2eProject.runtime(emulator, clock);
    }

    private static Fault http(int status, String type, String message) {
        return Fault.httpError(status, type, message);
    }

    @Test
    void retriesRetryableFailuresWithExactRequestCountsAndDelays() {
        emulator.rules(Rules.of(Rule.any().times(2).fault(http(500, "InternalServerException", "boom")),
                Rule.any().reply(Reply.text("third time lucky"))));
        BamlValue v = rt.call("Echo", Map.of("text", "hi"));
        assertThat(v).isEqualTo(BamlValue.of("third time lucky"));
        // 3 requests, not 3 x the SDK's own 3 attempts: the retry policy owns retries.
        assertThat(emulator.journal().requests()).hasSize(3);
        assertThat(clock.skippedDelays()).containsExactly(Duration.ofMillis(200), Duration.ofMillis(200));
    }

    @Test
    void exponentialBackoffWaitsAsBamlDoesAndTheLastAttemptsErrorListsEveryAttempt() {
        emulator.rules(Rules.of(Rule.any().fault(http(429, "ThrottlingException", "slow down"))));
        assertThatThrownBy(() -> rt.call("Echo", Map.of("text", "hi"), CallOptions.builder().client("Patient").build()))
                .isInstanceOfSatisfying(BamlClientHttpException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(429);
                    assertThat(e.errorCode()).isEqualTo("ThrottlingException");
                    assertThat(e.getMessage()).contains("5 attempts:")
                            .contains("1. Patient (aws-bedrock) failed status 429 ThrottlingException")
                            .contains("5. Patient (aws-bedrock) failed status 429 ThrottlingException");
                });
        assertThat(emulator.journal().requests()).hasSize(5);
        assertThat(clock.skippedDelays()).containsExactly(Duration.ofMillis(300), Duration.ofMillis(450),
                Duration.ofMillis(675), Duration.ofMillis(1012));
    }

    @Test
    void aBadRequestIsNotRetried() {
        emulator.rules(Rules.of(Rule.any().fault(http(400, "ValidationException", "malformed input"))));
        assertThatThrownBy(() -> rt.call("Echo", Map.of("text", "hi")))
                .isInstanceOfSatisfying(BamlClientHttpException.class, e -> assertThat(e.statusCode()).isEqualTo(400));
        assertThat(emulator.journal().requests()).hasSize(1);
    }

    @Test
    void fallbackMovesToTheNextRegionAfterModelNotSupportedInThisRegion() {
        emulator.rules(Rules.of(Rule.any().times(1).fault(http(400, "ValidationException",
                        "The provided model identifier is invalid. Model not supported in this region.")),
                Rule.any().reply(Reply.text("{\"name\": \"Ada\", \"hobbies\": [\"chess\"]}"))));
        BamlValue v = rt.call("Describe", Map.of("text", "Ada"), CallOptions.builder().client("AcrossRegions").build());
        assertThat(v.toJson().get("name").asText()).isEqualTo("Ada");
        List<RecordedRequest> requests = emulator.journal().requests();
        assertThat(requests).extracting(RecordedRequest::region).containsExactly("us-east-1", "us-west-2");
    }

    @Test
    void aChildThatCannotBeBuiltFailsOnlyThatChild() {
        Collector c = new Collector();
        BamlValue v = rt.call("Echo", Map.of("text", "hi"),
                CallOptions.builder().client("SkipsUnbuildable").collector(c).build());
        assertThat(v).isEqualTo(BamlValue.of("hi"));
        assertThat(emulator.journal().requests()).extracting(RecordedRequest::region).containsExactly("us-west-2");
        LlmCall skipped = c.last().orElseThrow().calls().get(0);
        assertThat(skipped.clientName()).isEqualTo("Unbuildable");
        assertThat(skipped.status()).isEqualTo(LlmCall.Status.UNAVAILABLE);
        assertThat(skipped.errorMessage()).contains("REGION_NOT_SET");
    }

    @Test
    void aStrategysTotalTimeoutAbortsTheSlowAttemptAndTheOuterFallbackMovesOn() {
        emulator.rules(Rules.of(Rule.any().times(1).reply(Reply.text("too late")
                        .withFirstByteDelay(Duration.ofSeconds(20))),
                Rule.any().reply(Reply.text("from the west"))));
        // The system clock: this timeout has to expire in real time.
        BamlRuntime real = E2eProject.runtime(emulator, dev.baml4j.runtime.RuntimeClock.system());
        Collector c = new Collector();
        long t0 = System.nanoTime();
        BamlValue v = real.call("Echo", Map.of("text", "hi"),
                CallOptions.builder().client("HurriedThenWest").collector(c).build());
        assertThat(v).isEqualTo(BamlValue.of("from the west"));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(15));
        List<LlmCall> calls = c.last().orElseThrow().calls();
        assertThat(calls).extracting(LlmCall::clientName).containsExactly("EastOnce", "West");
        assertThat(calls.get(0).status()).isEqualTo(LlmCall.Status.CANCELLED);
        assertThat(calls.get(0).errorMessage()).contains("total_timeout_ms (400 ms)");
    }

    @Test
    void roundRobinTakesTheClientsInTurn() {
        for (int i = 0; i < 4; i++) {
            rt.call("Echo", Map.of("text", "hi"), CallOptions.builder().client("Rotation").build());
        }
        assertThat(emulator.journal().requests()).extracting(RecordedRequest::modelId)
                .containsExactly(E2eProject.HAIKU, E2eProject.SONNET, E2eProject.TITAN, E2eProject.HAIKU);
    }

    @Test
    void finishReasonErrorsAreNotRetried() {
        emulator.rules(Rules.of(Rule.any().reply(Reply.text("cut off").withStopReason("max_tokens"))));
        assertThatThrownBy(() -> rt.call("Echo", Map.of("text", "hi"), CallOptions.builder().client("Strict").build()))
                .isInstanceOfSatisfying(BamlClientFinishReasonException.class,
                        e -> assertThat(e.finishReason()).isEqualTo("max_tokens"));
        assertThat(emulator.journal().requests()).hasSize(1);
    }

    @Test
    void streamingYieldsChangingPartialsThenTheFinalValue() {
        emulator.rules(Rules.of(Rule.any().reply(
                Reply.text("{\"name\": \"Ada Lovelace\", \"hobbies\": [\"math\", \"poetry\", \"engines\"]}")
                        .withDeltas(12))));
        List<BamlValue> partials = new ArrayList<>();
        BamlValue done;
        try (BamlStream<BamlValue, BamlValue> s = rt.stream("Describe", Map.of("text", "Ada"))) {
            for (BamlValue p : s) {
                partials.add(p);
            }
            done = s.getFinalResponse();
        }
        assertThat(partials.size()).isGreaterThan(2);
        for (int i = 1; i < partials.size(); i++) {
            assertThat(partials.get(i)).isNotEqualTo(partials.get(i - 1));
        }
        assertThat(done.toJson().toString())
                .isEqualTo("{\"name\":\"Ada Lovelace\",\"hobbies\":[\"math\",\"poetry\",\"engines\"]}");
        assertThat(emulator.journal().last().path()).endsWith("/converse-stream");
    }

    @Test
    void closingAStreamAbortsItAndFreesTheConnection() throws Exception {
        emulator.rules(Rules.of(Rule.any().reply(Reply.text("{\"name\": \"Ada\", \"hobbies\": [\"a\", \"b\"]}")
                .withDeltas(10)).fault(Fault.after(Fault.Kind.STALL, 3))));
        BamlStream<BamlValue, BamlValue> s = rt.stream("Describe", Map.of("text", "Ada"));
        var it = s.iterator();
        assertThat(it.hasNext()).isTrue();
        it.next();
        // The stream is stalled mid-reply on its connection (other tests' pools may hold more connections).
        int during = emulator.openConnections();
        assertThat(during).isPositive();
        s.close();
        awaitTrue(() -> emulator.openConnections() < during);
        assertThat(emulator.openConnections()).isLessThan(during);
        assertThatThrownBy(s::getFinalResponse).isInstanceOf(dev.baml4j.BamlAbortException.class);
    }

    @Test
    void theCollectorRecordsEveryAttemptWithStatusUsageAndRedactedRequest() {
        emulator.rules(Rules.of(Rule.any().times(1).fault(http(429, "ThrottlingException", "slow down")),
                Rule.any().reply(Reply.text("fine").withUsage(11, 3))));
        Collector c = new Collector("e2e");
        rt.call("Echo", Map.of("text", "hi"), CallOptions.builder().collector(c).tag("case", "collector").build());
        FunctionLog log = c.last().orElseThrow();
        assertThat(log.functionName()).isEqualTo("Echo");
        assertThat(log.client()).isEqualTo("East");
        assertThat(log.tags()).containsEntry("case", "collector");
        assertThat(log.calls()).hasSize(2);
        LlmCall first = log.calls().get(0);
        assertThat(first.status()).isEqualTo(LlmCall.Status.FAILED);
        assertThat(first.httpStatus()).isEqualTo(429);
        assertThat(first.errorCode()).isEqualTo("ThrottlingException");
        LlmCall second = log.calls().get(1);
        assertThat(second.status()).isEqualTo(LlmCall.Status.SUCCESS);
        assertThat(second.selected()).isTrue();
        assertThat(second.usage().inputTokens()).isEqualTo(11L);
        assertThat(second.usage().outputTokens()).isEqualTo(3L);
        assertThat(second.rawRequest()).isNotBlank().doesNotContain(Credentials.EXAMPLE_SECRET_ACCESS_KEY);
        assertThat(second.rawResponse()).contains("fine");
        assertThat(log.rawLlmResponse()).isEqualTo("fine");
        assertThat(c.usage().inputTokens()).isEqualTo(11L);
        assertThat(c.toString() + log + log.calls()).doesNotContain(Credentials.EXAMPLE_SECRET_ACCESS_KEY);
    }

    @Test
    void aThrottlingStormEndsEveryCallWithASuccessOrItsLastAttemptsErrorAndNoneHangs() throws Exception {
        int calls = 40;
        emulator.rules(Rules.of(Rule.any().times(120).fault(http(429, "ThrottlingException", "Too many requests")),
                Rule.any().reply(Reply.text("through"))));
        CallOptions patient = CallOptions.builder().client("Patient").build();
        List<java.util.concurrent.CompletableFuture<BamlValue>> futures = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            futures.add(rt.callAsync("Echo", Map.of("text", "n" + i), patient));
        }
        java.util.concurrent.CompletableFuture.allOf(futures.toArray(java.util.concurrent.CompletableFuture[]::new))
                .exceptionally(e -> null).get(60, java.util.concurrent.TimeUnit.SECONDS);
        int ok = 0;
        int failed = 0;
        for (var f : futures) {
            assertThat(f).isDone();
            if (!f.isCompletedExceptionally()) {
                assertThat(f.join()).isEqualTo(BamlValue.of("through"));
                ok++;
            } else {
                Throwable e = f.handle((v, err) -> err).join();
                assertThat(e).isInstanceOfSatisfying(BamlClientHttpException.class, h -> {
                    assertThat(h.statusCode()).isEqualTo(429);
                    assertThat(h.getMessage()).contains("5 attempts:");
                });
                failed++;
            }
        }
        assertThat(ok + failed).isEqualTo(calls);
        assertThat(ok).isPositive();
        // Every request is accounted for: each failed call made exactly 5, no SDK retries on top.
        assertThat(emulator.journal().total()).isEqualTo(120L + ok);
        assertThat(failed * 5L).isLessThanOrEqualTo(120L);
    }

    @Test
    void registryClientsCallTheEmulatorAndTheirErrorsNeverShowSecrets() {
        String secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYSECRETSECRET";
        dev.baml4j.runtime.ClientRegistry ok = new dev.baml4j.runtime.ClientRegistry()
                .addLlmClient("Runtime", "aws-bedrock", Map.of("model", E2eProject.HAIKU,
                        "endpoint_url", emulator.uri().toString(), "region", "eu-west-1",
                        "access_key_id", Credentials.EXAMPLE_ACCESS_KEY_ID,
                        "secret_access_key", Credentials.EXAMPLE_SECRET_ACCESS_KEY))
                .setPrimary("Runtime");
        assertThat(rt.call("Echo", Map.of("text", "hi"), CallOptions.builder().clientRegistry(ok).build()))
                .isEqualTo(BamlValue.of("hi"));
        assertThat(emulator.journal().last().region()).isEqualTo("eu-west-1");

        dev.baml4j.runtime.ClientRegistry bad = new dev.baml4j.runtime.ClientRegistry()
                .addLlmClient("Runtime", "aws-bedrock", Map.of("model", E2eProject.HAIKU, "region", "eu-west-1",
                        "access_key_id", "AKIDOTHER", "secret_access_key", secret, "temprature", 0.5))
                .setPrimary("Runtime");
        assertThatThrownBy(() -> rt.call("Echo", Map.of("text", "hi"), CallOptions.builder().clientRegistry(bad).build()))
                .isExactlyInstanceOf(dev.baml4j.BamlException.class)
                .hasMessageStartingWith("Failed to create clients from client_registry")
                .satisfies(e -> {
                    assertThat(e.getMessage()).doesNotContain(secret);
                    assertThat(e.getCause().getMessage()).doesNotContain(secret);
                });
        assertThat(emulator.journal().requests()).hasSize(1);
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }
}
