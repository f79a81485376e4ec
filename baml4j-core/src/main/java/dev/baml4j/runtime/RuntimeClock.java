package dev.baml4j.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Time as the runtime sees it: the wall clock for the collector, a monotonic clock for latencies,
 * and a timer for retry delays and total timeouts. Waiting never holds a thread: a delay is a task
 * scheduled on one shared timer thread. Tests pass a virtual clock so that delays cost no time.
 *
 * <pre>{@code
 * BamlRuntime rt = BamlRuntime.builder().directory(dir).clock(myVirtualClock).build();
 * }</pre>
 */
public interface RuntimeClock {

    Instant now();

    /** A monotonic reading in nanoseconds, for latencies. */
    long nanoTime();

    /** Runs {@code task} once {@code delay} has passed; cancelling the returned future drops it. */
    Future<?> schedule(Duration delay, Runnable task);

    /** The system clock with one shared daemon timer thread for every runtime in the JVM. */
    static RuntimeClock system() {
        return SystemClock.INSTANCE;
    }

    /** The system clock on a caller-supplied scheduler (which the caller owns and shuts down). */
    static RuntimeClock system(ScheduledExecutorService scheduler) {
        return new SystemClock(scheduler);
    }

    final class SystemClock implements RuntimeClock {

        static final SystemClock INSTANCE = new SystemClock(sharedTimer());

        private final ScheduledExecutorService scheduler;

        private SystemClock(ScheduledExecutorService scheduler) {
            this.scheduler = scheduler;
        }

        private static ScheduledExecutorService sharedTimer() {
            ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, "baml4j-timer");
                t.setDaemon(true);
                return t;
            });
            // Cancelled timeouts (the common case) must not pile up in the queue until they expire.
            timer.setRemoveOnCancelPolicy(true);
            return timer;
        }

        @Override
        public Instant now() {
            return Instant.now();
        }

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public Future<?> schedule(Duration delay, Runnable task) {
            return scheduler.schedule(task, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
        }
    }
}
