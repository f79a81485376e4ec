package dev.baml4j.bench.load.internal;

import dev.baml4j.runtime.BamlRuntime;
import dev.baml4j.runtime.BamlStream;
import dev.baml4j.types.BamlValue;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;

/** baml4j under load: {@code BamlRuntime.call} and {@code stream} on the bench function. */
public final class BamlTarget {
    private final BamlRuntime runtime;
    private final Map<String, Object> args = Map.of("email", BenchProject.EMAIL);

    public BamlTarget(URI emulator) {
        this.runtime = BamlRuntime.fromSources(Map.of("bench.baml", BenchProject.baml(emulator)));
    }

    /** One call; fails unless the reply parsed into a ticket. */
    public void call() {
        check(runtime.call(BenchProject.FUNCTION, args));
    }

    /** One stream, iterated to the end; returns the number of partials. */
    public int stream() {
        int partials = 0;
        try (BamlStream<BamlValue, BamlValue> s = runtime.stream(BenchProject.FUNCTION, args)) {
            for (BamlValue ignored : s) {
                partials++;
            }
            check(s.getFinalResponse());
        }
        return partials;
    }

    /** One slow stream consumed through its publisher, without a thread of its own. */
    public CompletableFuture<Integer> streamAsync(String function) {
        CompletableFuture<Integer> done = new CompletableFuture<>();
        BamlStream<BamlValue, BamlValue> s = runtime.stream(function, args);
        AtomicInteger partials = new AtomicInteger();
        s.toPublisher().subscribe(new Flow.Subscriber<BamlValue>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(BamlValue item) {
                partials.incrementAndGet();
            }

            @Override
            public void onError(Throwable throwable) {
                done.completeExceptionally(throwable);
            }

            @Override
            public void onComplete() {
                done.complete(partials.get());
            }
        });
        return done.thenCombine(s.finalResponse(), (n, v) -> {
            check(v);
            return n;
        });
    }

    private static void check(BamlValue v) {
        if (!(v instanceof BamlValue.ClassValue c) || !c.className().equals("Ticket")) {
            throw new IllegalStateException("expected a Ticket, got " + v);
        }
    }
}
