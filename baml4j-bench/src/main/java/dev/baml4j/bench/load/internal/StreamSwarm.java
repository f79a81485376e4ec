package dev.baml4j.bench.load.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Many concurrent slow streams at once, started from one thread without waiting: reports how long
 * they took, the peak heap and thread count of this process while they were open, and errors.
 */
public final class StreamSwarm {
    /** The outcome of one swarm. */
    public record Result(String implementation, int streams, int completed, int errors, String firstError,
            double seconds, long peakHeapBytes, int peakThreads, int threadsBefore) {}

    private StreamSwarm() {}

    public static Result run(String implementation, int streams, long timeoutSeconds,
            Supplier<CompletableFuture<?>> start) throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.gc();
        int threadsBefore = threads.getThreadCount();
        threads.resetPeakThreadCount();
        AtomicLong peakHeap = new AtomicLong(memory.getHeapMemoryUsage().getUsed());
        CountDownLatch finished = new CountDownLatch(streams);
        AtomicInteger completed = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "swarm-sampler");
        sampler.setDaemon(true);
        sampler.start();
        long t0 = System.nanoTime();
        for (int i = 0; i < streams; i++) {
            CompletableFuture<?> f;
            try {
                f = start.get();
            } catch (RuntimeException e) {
                f = CompletableFuture.failedFuture(e);
            }
            f.whenComplete((v, e) -> {
                if (e == null) {
                    completed.incrementAndGet();
                } else {
                    errors.incrementAndGet();
                    firstError.compareAndSet(null, ClosedLoop.firstLine(e));
                }
                finished.countDown();
            });
        }
        boolean all = finished.await(timeoutSeconds, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - t0) / 1e9;
        sampler.interrupt();
        sampler.join(1000);
        int missing = all ? 0 : (int) finished.getCount();
        if (missing > 0) {
            firstError.compareAndSet(null, missing + " streams still open after " + timeoutSeconds + " s");
        }
        return new Result(implementation, streams, completed.get(), errors.get() + missing, firstError.get(), seconds,
                peakHeap.get(), threads.getPeakThreadCount(), threadsBefore);
    }
}
