package dev.baml4j.runtime.internal;

import dev.baml4j.lang.RetryPolicyDef;
import dev.baml4j.provider.LlmResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * A {@code retry_policy} around a node: up to {@code max_retries} more runs of the inner node after a
 * retryable failure, waiting between them on the clock's timer. A non-retryable failure (a 400, a
 * finish reason, a parse error, a cancellation) ends it at once. Around a round-robin each run
 * takes the next child, since the round-robin picks anew each time it runs.
 */
public final class RetryNode implements ClientNode {

    private final ClientNode inner;
    private final RetryPolicyDef policy;
    private final Duration[] delays;

    public RetryNode(ClientNode inner, RetryPolicyDef policy) {
        this.inner = inner;
        this.policy = policy;
        this.delays = RetryDelays.of(policy);
    }

    public RetryPolicyDef policy() {
        return policy;
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
        return true;
    }

    @Override
    public CompletableFuture<LlmResponse> execute(Exchange ex, boolean retriesOwned) {
        return run(ex, 0);
    }

    private CompletableFuture<LlmResponse> run(Exchange ex, int retry) {
        return inner.execute(ex, true).exceptionallyCompose(e -> {
            if (retry < delays.length && Failures.isRetryable(e) && !ex.scope().isCancelled()) {
                return ex.delay(delays[retry]).thenCompose(v -> run(ex, retry + 1));
            }
            return CompletableFuture.failedFuture(Failures.unwrap(e));
        });
    }
}
