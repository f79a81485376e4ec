package dev.baml4j.runtime.internal;

import dev.baml4j.lang.ClientDef;
import dev.baml4j.provider.LlmClient;
import dev.baml4j.provider.LlmResponse;
import dev.baml4j.runtime.LlmCall;
import dev.baml4j.runtime.RuntimeClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/**
 * One function call travelling through the client tree: what every node needs (the clock, the
 * cancellation scope, how to build and how to use a leaf client) and the attempts made so far.
 * Nodes derive narrower exchanges (a strategy's own timeout scope) with {@link #withScope}.
 */
public final class Exchange {

    /** Sends one attempt to a built client. The runtime supplies it: render, then call or stream. */
    @FunctionalInterface
    public interface AttemptSender {
        InFlight send(ClientDef client, LlmClient llmClient);
    }

    /** An attempt on the wire and the way to abort it (cancel the future, or the stream handle). */
    public record InFlight(CompletableFuture<LlmResponse> response, Runnable abort) {
    }

    private final RuntimeClock clock;
    private final CancelScope scope;
    private final AttemptSender sender;
    private final ClientFactory clients;
    private final Map<String, String> env;
    private final List<LlmCall> attempts;

    public Exchange(RuntimeClock clock, CancelScope scope, AttemptSender sender, ClientFactory clients,
            Map<String, String> env) {
        this(clock, scope, sender, clients, env, new ArrayList<>());
    }

    private Exchange(RuntimeClock clock, CancelScope scope, AttemptSender sender, ClientFactory clients,
            Map<String, String> env, List<LlmCall> attempts) {
        this.clock = clock;
        this.scope = scope;
        this.sender = sender;
        this.clients = clients;
        this.env = env;
        this.attempts = attempts;
    }

    public Exchange withScope(CancelScope narrower) {
        return new Exchange(clock, narrower, sender, clients, env, attempts);
    }

    public RuntimeClock clock() {
        return clock;
    }

    public CancelScope scope() {
        return scope;
    }

    AttemptSender sender() {
        return sender;
    }

    ClientFactory clients() {
        return clients;
    }

    Map<String, String> env() {
        return env;
    }

    void record(LlmCall call) {
        synchronized (attempts) {
            attempts.add(call);
        }
    }

    /** Every attempt so far, in order. */
    public List<LlmCall> attempts() {
        synchronized (attempts) {
            return List.copyOf(attempts);
        }
    }

    /**
     * Completes after {@code delay} without holding a thread; fails at once with the reason if the
     * scope is cancelled meanwhile.
     */
    CompletableFuture<Void> delay(Duration delay) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (delay.isZero() || delay.isNegative()) {
            done.complete(null);
            return done;
        }
        Future<?> timer = clock.schedule(delay, () -> done.complete(null));
        CancelScope.Registration reg = scope.onCancel(reason -> {
            timer.cancel(false);
            done.completeExceptionally(reason);
        });
        done.whenComplete((v, e) -> reg.remove());
        return done;
    }
}
