package dev.baml4j.runtime;

import static dev.baml4j.runtime.ScriptedProvider.fail;
import static dev.baml4j.runtime.ScriptedProvider.reply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baml4j.BamlAbortException;
import dev.baml4j.BamlClientFinishReasonException;
import dev.baml4j.BamlClientHttpException;
import dev.baml4j.BamlException;
import dev.baml4j.BamlTimeoutException;
import dev.baml4j.lang.RetryPolicyDef;
import dev.baml4j.provider.LlmResponse;
import dev.baml4j.runtime.internal.AttemptSummary;
import dev.baml4j.runtime.internal.CancelScope;
import dev.baml4j.runtime.internal.Exchange;
import dev.baml4j.runtime.testing.FastForwardClock;
import dev.baml4j.types.ConfigValue;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClientTreeTest {

    private final TreeFixture fx = new TreeFixture();
    private final FastForwardClock clock = new FastForwardClock(Duration.ofMinutes(5));

    @BeforeEach
    void reset() {
        ScriptedProvider.reset();
        fx.clock = clock;
    }

    private LlmResponse run(String client) {
        return run(client, fx.exchange());
    }

    private LlmResponse run(String client, Exchange ex) {
        try {
            return fx.tree(client).execute(ex, false).handle((r, e) -> {
                if (e != null) {
                    throw AttemptSummary.finalFailure(e, ex.attempts());
                }
                return r;
            }).get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw (RuntimeException) e.getCause();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void retriesRetryableFailuresUpToMaxRetriesWithConstantDelay() {
        fx.policy("Twice", 2, new RetryPolicyDef.ConstantDelay(100)).leaf("A", "a", "Twice");
        ScriptedProvider.script("a", fail(429, "ThrottlingException", true));
        Exchange ex = fx.exchange();
        assertThatThrownBy(() -> run("A", ex)).isInstanceOfSatisfying(BamlClientHttpException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(429);
            assertThat(e.errorCode()).isEqualTo("ThrottlingException");
            assertThat(e.getMessage()).contains("3 attempts:").contains("1. A (test-scripted) failed status 429 "
                    + "ThrottlingException").contains("3. A");
        });
        assertThat(ScriptedProvider.CALLS).containsExactly("A", "A", "A");
        assertThat(clock.skippedDelays()).containsExactly(Duration.ofMillis(100), Duration.ofMillis(100));
        assertThat(ex.attempts()).hasSize(3).allMatch(a -> a.status() == LlmCall.Status.FAILED);
    }

    @Test
    void exponentialBackoffWaitsAsBamlComputesThem() {
        fx.policy("Exp", 5, new RetryPolicyDef.ExponentialBackoff(200, 1.5, 1000)).leaf("A", "a", "Exp");
        ScriptedProvider.script("a", fail(500, "InternalServerException", true), fail(500, null, true),
                fail(503, null, true), fail(500, null, true), fail(500, null, true), reply("ok"));
        assertThat(run("A").text()).isEqualTo("ok");
        assertThat(ScriptedProvider.CALLS).hasSize(6);
        assertThat(clock.skippedDelays()).containsExactly(Duration.ofMillis(300), Duration.ofMillis(450),
                Duration.ofMillis(675), Duration.ofMillis(1000), Duration.ofMillis(1000));
    }

    @Test
    void nonRetryableFailureIsNotRetried() {
        fx.policy("Many", 5, new RetryPolicyDef.ConstantDelay(10)).leaf("A", "a", "Many");
        ScriptedProvider.script("a", fail(400, "ValidationException", false));
        assertThatThrownBy(() -> run("A")).isInstanceOf(BamlClientHttpException.class)
                .hasMessageNotContaining("attempts:");
        assertThat(ScriptedProvider.CALLS).containsExactly("A");
    }

    @Test
    void finishReasonErrorsAreNeitherRetriedNorFallenBackFrom() {
        fx.policy("Many", 3, new RetryPolicyDef.ConstantDelay(10)).leaf("A", "a", "Many").leaf("B", "b", null)
                .strategy("F", "fallback", null, Map.of(), "A", "B");
        ScriptedProvider.script("a", new ScriptedProvider.Reply("cut", "max_tokens", List.of("cut")));
        ScriptedProvider.script("b", reply("fine"));
        assertThatThrownBy(() -> run("F")).isInstanceOfSatisfying(BamlClientFinishReasonException.class,
                e -> assertThat(e.finishReason()).isEqualTo("max_tokens"));
        assertThat(ScriptedProvider.CALLS).containsExactly("A");
    }

    @Test
    void fallbackMovesOnAfterAnyClientFailureEachChildWithItsOwnRetries() {
        fx.policy("Once", 1, new RetryPolicyDef.ConstantDelay(50)).leaf("A", "a", "Once").leaf("B", "b", null)
                .leaf("C", "c", null).strategy("F", "fallback", null, Map.of(), "A", "B", "C");
        ScriptedProvider.script("a", fail(503, "ServiceUnavailableException", true));
        ScriptedProvider.script("b", fail(400, "ValidationException", false));
        ScriptedProvider.script("c", reply("from C"));
        assertThat(run("F").text()).isEqualTo("from C");
        assertThat(ScriptedProvider.CALLS).containsExactly("A", "A", "B", "C");
    }

    @Test
    void nestedFallbacksAndARetriedFallbackRepeatTheWholeList() {
        fx.policy("Once", 1, new RetryPolicyDef.ConstantDelay(20)).leaf("A", "a", null).leaf("B", "b", null)
                .strategy("Inner", "fallback", null, Map.of(), "A", "B")
                .leaf("C", "c", null).strategy("Outer", "fallback", "Once", Map.of(), "Inner", "C");
        ScriptedProvider.script("a", fail(500, null, true));
        ScriptedProvider.script("b", fail(500, null, true));
        ScriptedProvider.script("c", fail(429, "ThrottlingException", true), reply("late"));
        assertThat(run("Outer").text()).isEqualTo("late");
        assertThat(ScriptedProvider.CALLS).containsExactly("A", "B", "C", "A", "B", "C");
        assertThat(clock.skippedDelays()).containsExactly(Duration.ofMillis(20));
    }

    @Test
    void roundRobinTakesChildrenInTurnFromStart() {
        fx.leaf("A", "ok", null).leaf("B", "ok", null).leaf("C", "ok", null)
                .strategy("RR", "round-robin", null, Map.of("start", TreeFixture.num(1)), "A", "B", "C");
        ScriptedProvider.script("ok", reply("x"));
        for (int i = 0; i < 4; i++) {
            run("RR");
        }
        assertThat(ScriptedProvider.CALLS).containsExactly("B", "C", "A", "B");
    }

    @Test
    void roundRobinWithoutRetryPolicyDoesNotFailOver() {
        fx.leaf("A", "bad", null).leaf("B", "ok", null)
                .strategy("RR", "round-robin", null, Map.of("start", TreeFixture.num(0)), "A", "B");
        ScriptedProvider.script("bad", fail(500, null, true));
        ScriptedProvider.script("ok", reply("x"));
        assertThatThrownBy(() -> run("RR")).isInstanceOf(BamlClientHttpException.class);
        assertThat(ScriptedProvider.CALLS).containsExactly("A");
    }

    @Test
    void roundRobinWithRetryPolicyTakesTheNextChildOnEachRetry() {
        fx.policy("Two", 2, new RetryPolicyDef.ConstantDelay(5)).leaf("A", "bad", null).leaf("B", "bad", null)
                .leaf("C", "ok", null)
                .strategy("RR", "round-robin", "Two", Map.of("start", TreeFixture.num(0)), "A", "B", "C");
        ScriptedProvider.script("bad", fail(429, "ThrottlingException", true));
        ScriptedProvider.script("ok", reply("x"));
        assertThat(run("RR").text()).isEqualTo("x");
        assertThat(ScriptedProvider.CALLS).containsExactly("A", "B", "C");
    }

    @Test
    void aChildThatCannotBeBuiltFailsOnlyThatChild() {
        fx.leaf("NeedsKey", "a", null, Map.of("requires_env", "SECRET_KEY")).leaf("B", "b", null)
                .strategy("F", "fallback", null, Map.of(), "NeedsKey", "Missing", "B");
        ScriptedProvider.script("a", reply("never"));
        ScriptedProvider.script("b", reply("from B"));
        Exchange ex = fx.exchange();
        assertThat(run("F", ex).text()).isEqualTo("from B");
        assertThat(ex.attempts()).extracting(LlmCall::clientName).containsExactly("NeedsKey", "Missing", "B");
        assertThat(ex.attempts().get(0).status()).isEqualTo(LlmCall.Status.UNAVAILABLE);
        assertThat(ex.attempts().get(0).errorMessage()).contains("SECRET_KEY");
        assertThat(ex.attempts().get(1).status()).isEqualTo(LlmCall.Status.UNAVAILABLE);
    }

    @Test
    void anUnbuildableLoneClientSurfacesItsOwnError() {
        fx.leaf("NeedsKey", "a", null, Map.of("requires_env", "SECRET_KEY"));
        assertThatThrownBy(() -> run("NeedsKey")).isExactlyInstanceOf(BamlException.class)
                .hasMessageContaining("environment variable SECRET_KEY not set");
        assertThat(ScriptedProvider.CALLS).isEmpty();
    }

    @Test
    void totalTimeoutAbortsTheAttemptAndAnOuterFallbackMovesOn() {
        fx.clock = RuntimeClock.system();
        fx.leaf("Slow", "hang", null).strategy("Limited", "fallback", null,
                        Map.of("http", new ConfigValue.MapLit(List.of(TreeFixture.entry("total_timeout_ms",
                                TreeFixture.num(100))), TreeFixture.SPAN)), "Slow")
                .leaf("B", "b", null).strategy("Outer", "fallback", null, Map.of(), "Limited", "B");
        ScriptedProvider.script("hang", new ScriptedProvider.Hang());
        ScriptedProvider.script("b", reply("rescued"));
        Exchange ex = fx.exchange();
        assertThat(run("Outer", ex).text()).isEqualTo("rescued");
        assertThat(ex.attempts()).as(ex.attempts().toString()).hasSize(2);
        assertThat(ScriptedProvider.CANCELLED.get()).isEqualTo(1);
        assertThat(ex.attempts().get(0).status()).isEqualTo(LlmCall.Status.CANCELLED);
        assertThat(ex.attempts().get(0).errorMessage()).contains("total_timeout_ms (100 ms)");
    }

    @Test
    void totalTimeoutAloneFailsWithTimeoutException() {
        fx.clock = RuntimeClock.system();
        fx.leaf("Slow", "hang", null).strategy("Limited", "fallback", null,
                Map.of("http", new ConfigValue.MapLit(List.of(TreeFixture.entry("total_timeout_ms",
                        TreeFixture.num(50))), TreeFixture.SPAN)), "Slow");
        ScriptedProvider.script("hang", new ScriptedProvider.Hang());
        assertThatThrownBy(() -> run("Limited")).isInstanceOf(BamlTimeoutException.class)
                .hasMessageContaining("Limited");
    }

    @Test
    void cancellingAbortsTheAttemptInFlightAndPendingRetries() throws Exception {
        fx.policy("Many", 5, new RetryPolicyDef.ConstantDelay(10)).leaf("A", "hang", "Many");
        ScriptedProvider.script("hang", new ScriptedProvider.Hang());
        CancelScope scope = CancelScope.root();
        CompletableFuture<LlmResponse> f = fx.tree("A").execute(fx.exchange(scope, Map.of()), false);
        scope.cancel(new BamlAbortException("stop"));
        assertThatThrownBy(() -> f.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(BamlAbortException.class);
        assertThat(ScriptedProvider.CANCELLED.get()).isEqualTo(1);
        assertThat(ScriptedProvider.CALLS).containsExactly("A");
    }

    @Test
    void providersAreToldWhenARetryPolicyOwnsRetries() {
        fx.policy("Once", 1, new RetryPolicyDef.ConstantDelay(10)).leaf("Owned", "ok", "Once").leaf("Free", "ok", null);
        ScriptedProvider.script("ok", reply("x"));
        run("Owned");
        run("Free");
        assertThat(ScriptedProvider.CONTEXTS).extracting(c -> c.retriesOwnedByPolicy()).containsExactly(true, false);
    }

    @Test
    void clientsAreBuiltOncePerEnvironment() {
        fx.leaf("A", "ok", null);
        ScriptedProvider.script("ok", reply("x"));
        run("A", fx.exchange(CancelScope.root(), Map.of("K", "1")));
        run("A", fx.exchange(CancelScope.root(), Map.of("K", "1")));
        assertThat(ScriptedProvider.BUILT.get()).isEqualTo(1);
        run("A", fx.exchange(CancelScope.root(), Map.of("K", "2")));
        assertThat(ScriptedProvider.BUILT.get()).isEqualTo(2);
    }

    @Test
    void aStrategyThatListsItselfIsRejected() {
        fx.strategy("Loop", "fallback", null, Map.of(), "Other").strategy("Other", "fallback", null, Map.of(), "Loop");
        assertThatThrownBy(() -> fx.tree("Loop")).hasMessageContaining("cycle: Loop -> Other -> Loop");
    }
}
