package dev.baml4j.runtime.internal;

import dev.baml4j.provider.LlmResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A {@code fallback} strategy: its children in order, each with its own retries, moving on after
 * any client failure (including a child that cannot be built), never after a finish-reason,
 * parse or cancellation error. The last child's failure is the strategy's.
 */
public final class FallbackNode implements ClientNode {

    private final String name;
    private final List<ClientNode> children;

    public FallbackNode(String name, List<ClientNode> children) {
        this.name = name;
        this.children = List.copyOf(children);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public LeafNode firstLeaf() {
        return children.get(0).firstLeaf();
    }

    @Override
    public boolean firstLeafRetriesOwned() {
        return children.get(0).firstLeafRetriesOwned();
    }

    @Override
    public CompletableFuture<LlmResponse> execute(Exchange ex, boolean retriesOwned) {
        return run(ex, retriesOwned, 0);
    }

    private CompletableFuture<LlmResponse> run(Exchange ex, boolean retriesOwned, int index) {
        return children.get(index).execute(ex, retriesOwned).exceptionallyCompose(e -> {
            if (index + 1 < children.size() && Failures.movesOn(e) && !ex.scope().isCancelled()) {
                return run(ex, retriesOwned, index + 1);
            }
            return CompletableFuture.failedFuture(Failures.unwrap(e));
        });
    }
}
