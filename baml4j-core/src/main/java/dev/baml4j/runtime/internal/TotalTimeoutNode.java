package dev.baml4j.runtime.internal;

import dev.baml4j.BamlTimeoutException;
import dev.baml4j.provider.LlmResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/**
 * A strategy's {@code http { total_timeout_ms }}: the whole strategy, retries and waits included,
 * must finish in time. On expiry the attempt in flight is aborted (its connection freed) and the
 * strategy fails with a {@link BamlTimeoutException}, which an enclosing fallback moves on from.
 */
public final class TotalTimeoutNode implements ClientNode {

    private final ClientNode inner;
    private final Duration timeout;

    public TotalTimeoutNode(ClientNode inner, Duration timeout) {
        this.inner = inner;
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public LeafNode firstLeaf() {
        return inner.firstLeaf();
    }

    @Override
    public boolean firstLeafRetriesOwned() {
        return inner.firstLeafRetriesOwned();
    }

    @Override
    public CompletableFuture<LlmResponse> execute(Exchange ex, boolean retriesOwned) {
        CancelScope scope = ex.scope().child();
        CompletableFuture<LlmResponse> result = new CompletableFuture<>();
        Future<?> timer = ex.clock().schedule(timeout, () -> {
            BamlTimeoutException expired = new BamlTimeoutException(name(), "client " + name()
                    + ": http.total_timeout_ms (" + timeout.toMillis() + " ms) expired before any attempt succeeded;"
                    + " raise total_timeout_ms or lower the retries and timeouts inside it", null);
            // Abort the attempt first, so its connection is free before a fallback moves on.
            scope.cancel(expired);
            result.completeExceptionally(expired);
        });
        inner.execute(ex.withScope(scope), retriesOwned).whenComplete((r, e) -> {
            timer.cancel(false);
            scope.detach();
            if (e == null) {
                result.complete(r);
            } else {
                result.completeExceptionally(Failures.unwrap(e));
            }
        });
        return result;
    }
}
