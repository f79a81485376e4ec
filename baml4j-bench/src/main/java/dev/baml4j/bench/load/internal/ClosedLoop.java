package dev.baml4j.bench.load.internal;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs exactly N calls with C worker threads, each taking the next call as soon as its last one
 * ends (a closed loop: C calls in flight). Latency is measured per call; CPU is the whole client
 * process's CPU time over the run, so it includes the SDK's event loops, JIT and GC.
 */
public final class ClosedLoop {
    /** One call; throws when the call fails. */
    @FunctionalInterface
    public interface Call {
        void run() throws Exception;
    }

    private ClosedLoop() {}

    public static LoadResult run(String scenario, String implementation, int calls, int concurrency,
            long timeoutSeconds, Call call) throws InterruptedException {
        long[] latencies = new long[calls];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicReference<Throwable> firstError = new AtomicReference<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        List<Thread> workers = new ArrayList<>();
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        for (int w = 0; w < concurrency; w++) {
            Thread t = new Thread(() -> {
                int i;
                while ((i = next.getAndIncrement()) < calls && System.nanoTime() < deadline) {
                    long start = System.nanoTime();
                    try {
                        call.run();
                    } catch (Exception | Error e) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, e);
                    }
                    latencies[i] = System.nanoTime() - start;
                }
            }, "load-" + w);
            t.setDaemon(true);
            t.start();
            workers.add(t);
        }
        for (Thread t : workers) {
            t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()) + 1000));
        }
        long wall = System.nanoTime() - t0;
        long cpu = processCpuNanos() - cpu0;
        int done = Math.min(calls, next.get());
        long[] measured = new long[done];
        System.arraycopy(latencies, 0, measured, 0, done);
        int timedOut = calls - done;
        if (firstError.get() != null) {
            System.err.printf("  %s / %s: %d errors, first: %s%n", implementation, scenario, errors.get(),
                    firstLine(firstError.get()));
        }
        return LoadResult.of(scenario, implementation, concurrency, measured, errors.get() + timedOut, wall, cpu);
    }

    /** CPU time of this whole process (all threads), in nanoseconds. */
    public static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return -1;
    }

    static String firstLine(Throwable t) {
        String m = t.getClass().getSimpleName() + ": " + t.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
