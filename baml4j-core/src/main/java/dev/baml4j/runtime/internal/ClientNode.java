package dev.baml4j.runtime.internal;

import dev.baml4j.provider.LlmResponse;
import java.util.concurrent.CompletableFuture;

/**
 * A node of a function's client tree. Retry policies, fallbacks, round-robins and total timeouts
 * are all nodes wrapping other nodes, in the way OkHttp's interceptors wrap a call, so they nest
 * freely: a retried fallback of round-robins of retried leaves needs no special case.
 */
public sealed interface ClientNode
        permits LeafNode, RetryNode, FallbackNode, RoundRobinNode, TotalTimeoutNode, UnavailableNode {

    /** The client name this node stands for. */
    String name();

    /**
     * Runs the node: completes with the first reply this node accepts, or with the failure it
     * gives up on. Never blocks. {@code retriesOwned} tells leaves that a {@code retry_policy}
     * above them owns retries, so the provider must not retry on its own.
     */
    CompletableFuture<LlmResponse> execute(Exchange exchange, boolean retriesOwned);

    /** The leaf a preview shows: the first one this node would try. */
    LeafNode firstLeaf();

    /** Whether a {@code retry_policy} owns the retries of {@link #firstLeaf()}, as {@code execute} would tell it. */
    default boolean firstLeafRetriesOwned() {
        return false;
    }
}
