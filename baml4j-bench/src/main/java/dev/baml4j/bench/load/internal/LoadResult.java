package dev.baml4j.bench.load.internal;

import java.util.Arrays;

/**
 * One measured run of a scenario: N calls at a concurrency, with calls/s, latency percentiles and
 * the client process's CPU per call.
 *
 * @param scenario what ran, e.g. {@code "call"} or {@code "stream (50 deltas)"}
 * @param implementation {@code "bare AWS SDK"}, {@code "baml4j"} or {@code "official runtime"}
 * @param concurrency calls in flight at once
 * @param calls calls measured (warm-up excluded)
 * @param errors calls that failed
 * @param callsPerSecond completed calls per wall-clock second
 * @param medianMs median latency
 * @param p99Ms 99th percentile latency
 * @param cpuMsPerCall process CPU time of the client process divided by calls
 */
public record LoadResult(String scenario, String implementation, int concurrency, int calls, int errors,
        double callsPerSecond, double medianMs, double p99Ms, double cpuMsPerCall) {

    /** Builds a result from per-call latencies in nanoseconds. */
    public static LoadResult of(String scenario, String implementation, int concurrency, long[] latenciesNanos,
            int errors, long wallNanos, long cpuNanos) {
        long[] sorted = latenciesNanos.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return new LoadResult(scenario, implementation, concurrency, n, errors,
                n / (wallNanos / 1e9), percentile(sorted, 0.50) / 1e6, percentile(sorted, 0.99) / 1e6,
                n == 0 ? Double.NaN : cpuNanos / 1e6 / n);
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
