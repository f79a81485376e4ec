package dev.baml4j.runtime.testing;

import dev.baml4j.runtime.RuntimeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock for tests of retry behaviour: waits up to a threshold (retry delays) are recorded and
 * skipped, moving this clock's time forward instead of sleeping; longer waits (a total timeout
 * meant to expire in real time) are left to the system clock. So a test of
 * {@code exponential_backoff} with ten retries asserts the exact waits and still takes milliseconds.
 *
 * <pre>{@code
 * FastForwardClock clock = new FastForwardClock(Duration.ofMinutes(1));
 * BamlRuntime rt = BamlRuntime.builder().sources(src).clock(clock).build();
 * ...
 * assertThat(clock.skippedDelays()).containsExactly(Duration.ofMillis(300), Duration.ofMillis(450));
 * }</pre>
 */
public final class FastForwardClock implements RuntimeClock {

    private final Duration threshold;
    private final Instant origin = Instant.now();
    private final long originNanos = System.nanoTime();
    private final AtomicLong skippedNanos = new AtomicLong();
    private final List<Duration> skipped = new ArrayList<>();
    private final RuntimeClock real = RuntimeClock.system();

    /** Skips every wait of at most {@code threshold}. */
    public FastForwardClock(Duration threshold) {
        this.threshold = threshold;
    }

    @Override
    public Instant now() {
        return origin.plusNanos(nanoTime() - originNanos);
    }

    @Override
    public long nanoTime() {
        return System.nanoTime() + skippedNanos.get();
    }

    @Override
    public Future<?> schedule(Duration delay, Runnable task) {
        if (delay.compareTo(threshold) > 0) {
            return real.schedule(delay, task);
        }
        synchronized (skipped) {
            skipped.add(delay);
        }
        skippedNanos.addAndGet(delay.toNanos());
        // Run on another thread, as a real timer would, so callers never re-enter themselves.
        return CompletableFuture.runAsync(task);
    }

    /** Every wait that was skipped, in the order it was asked for. */
    public List<Duration> skippedDelays() {
        synchronized (skipped) {
            return List.copyOf(skipped);
        }
    }

    /** How far this clock has run ahead of real time. */
    public Duration skippedTotal() {
        return Duration.ofNanos(skippedNanos.get());
    }
}
