package dev.baml4j.runtime.internal;

import dev.baml4j.provider.LlmResponse;
import dev.baml4j.runtime.LlmCall;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** A strategy child that could not even be resolved (an unknown client name): fails that child only. */
public final class UnavailableNode implements ClientNode {

    private final String name;
    private final RuntimeException problem;

    public UnavailableNode(String name, RuntimeException problem) {
        this.name = name;
        this.problem = problem;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public LeafNode firstLeaf() {
        throw problem;
    }

    @Override
    public CompletableFuture<LlmResponse> execute(Exchange ex, boolean retriesOwned) {
        ex.record(new LlmCall(name, "unknown", ex.clock().now(), Duration.ZERO, LlmCall.Status.UNAVAILABLE, null,
                null, LeafNode.firstLine(problem), null, null, null, false));
        return CompletableFuture.failedFuture(new ClientUnavailableException(name, problem));
    }
}
