package dev.baml4j.runtime.internal;

import dev.baml4j.provider.LlmResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@code round-robin} strategy: each run takes the next child from one counter shared by every
 * call of the runtime. Without a retry policy a failure is final (no failover, as in BAML); with
 * one, each retry runs this node again and so takes the next child.
 */
public final class RoundRobinNode implements ClientNode {

    private final String name;
    private final List<ClientNode> children;
    private final AtomicInteger counter;

    public RoundRobinNode(String name, List<ClientNode> children, AtomicInteger counter) {
        this.name = name;
        this.children = List.copyOf(children);
        this.counter = counter;
    }

    @Override
    public String name() {
        return name;
    }

    /** The child the next run would take, without taking it. */
    @Override
    public LeafNode firstLeaf() {
        return children.get(Math.floorMod(counter.get(), children.size())).firstLeaf();
    }

    @Override
    public boolean firstLeafRetriesOwned() {
        return children.get(Math.floorMod(counter.get(), children.size())).firstLeafRetriesOwned();
    }

    @Override
    public CompletableFuture<LlmResponse> execute(Exchange ex, boolean retriesOwned) {
        int pick = Math.floorMod(counter.getAndIncrement(), children.size());
        return children.get(pick).execute(ex, retriesOwned);
    }
}
