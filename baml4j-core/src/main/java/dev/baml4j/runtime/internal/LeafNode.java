package dev.baml4j.runtime.internal;

import dev.baml4j.BamlClientHttpException;
import dev.baml4j.lang.ClientDef;
import dev.baml4j.provider.LlmClient;
import dev.baml4j.provider.LlmResponse;
import dev.baml4j.runtime.LlmCall;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/** A model client: builds (or reuses) the provider's client and makes exactly one attempt. */
public final class LeafNode implements ClientNode {

    private final ClientDef client;

    public LeafNode(ClientDef client) {
        this.client = client;
    }

    public ClientDef client() {
        return client;
    }

    @Override
    public String name() {
        return client.name();
    }

    @Override
    public LeafNode firstLeaf() {
        return this;
    }

    @Override
    public CompletableFuture<LlmResponse> execute(Exchange ex, boolean retriesOwned) {
        if (ex.scope().isCancelled()) {
            return CompletableFuture.failedFuture(ex.scope().reason());
        }
        Instant start = ex.clock().now();
        long t0 = ex.clock().nanoTime();
        LlmClient llm;
        try {
            llm = ex.clients().get(client, retriesOwned, ex.env());
        } catch (RuntimeException e) {
            ex.record(new LlmCall(client.name(), client.provider(), start, Duration.ZERO, LlmCall.Status.UNAVAILABLE,
                    null, null, firstLine(e), null, null, null, false));
            return CompletableFuture.failedFuture(new ClientUnavailableException(client.name(), e));
        }
        Exchange.InFlight inFlight;
        try {
            inFlight = ex.sender().send(client, llm);
        } catch (RuntimeException e) {
            inFlight = new Exchange.InFlight(CompletableFuture.failedFuture(e), () -> { });
        }
        CompletableFuture<LlmResponse> result = new CompletableFuture<>();
        Exchange.InFlight sent = inFlight;
        AtomicReference<Throwable> abortedWith = new AtomicReference<>();
        CancelScope.Registration reg = ex.scope().onCancel(reason -> {
            if (!result.isDone()) {
                // Abort before completing: whatever runs next (a fallback's next child) finds the connection freed.
                abortedWith.set(reason);
                sent.abort().run();
                result.completeExceptionally(reason);
            }
        });
        sent.response().whenComplete((r, e) -> {
            reg.remove();
            Throwable aborted = abortedWith.get();
            if (aborted != null) {
                result.completeExceptionally(aborted);
            } else if (e == null) {
                result.complete(r);
            } else {
                result.completeExceptionally(Failures.unwrap(e));
            }
        });
        return result.whenComplete((r, e) -> ex.record(attempt(ex, start, t0, r, e)));
    }

    private LlmCall attempt(Exchange ex, Instant start, long t0, LlmResponse r, Throwable error) {
        Duration latency = Duration.ofNanos(ex.clock().nanoTime() - t0);
        if (error == null) {
            return new LlmCall(client.name(), client.provider(), start, latency, LlmCall.Status.SUCCESS, null, null,
                    null, r.usage(), r.rawRequest(), r.rawResponse(), false);
        }
        Throwable e = Failures.unwrap(error);
        LlmCall.Status status = e == ex.scope().reason() ? LlmCall.Status.CANCELLED : LlmCall.Status.FAILED;
        Integer http = null;
        String code = null;
        String body = null;
        if (e instanceof BamlClientHttpException h) {
            http = h.statusCode();
            code = h.errorCode();
            body = h.rawBody();
        }
        return new LlmCall(client.name(), client.provider(), start, latency, status, http, code, firstLine(e), null,
                null, body, false);
    }

    static String firstLine(Throwable e) {
        String m = e.getMessage();
        if (m == null) {
            return e.getClass().getSimpleName();
        }
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
