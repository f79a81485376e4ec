package dev.baml4j.bench.load.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LoadResultTest {

    @Test
    void computesRatePercentilesAndCpuPerCallFromRawMeasurements() {
        long[] latencies = new long[100];
        for (int i = 0; i < 100; i++) {
            latencies[i] = (100 - i) * 1_000_000L; // 100 ms down to 1 ms, unsorted on purpose
        }
        LoadResult r = LoadResult.of("call", "x", 1, latencies, 2, 2_000_000_000L, 50_000_000L);
        assertThat(r.callsPerSecond()).isCloseTo(50.0, within(1e-9));
        assertThat(r.medianMs()).isCloseTo(50.0, within(1e-9));
        assertThat(r.p99Ms()).isCloseTo(99.0, within(1e-9));
        assertThat(r.cpuMsPerCall()).isCloseTo(0.5, within(1e-9));
        assertThat(r.errors()).isEqualTo(2);
    }

    @Test
    void emptyRunHasNoPercentiles() {
        LoadResult r = LoadResult.of("call", "x", 1, new long[0], 5, 1_000_000_000L, 0);
        assertThat(r.medianMs()).isNaN();
        assertThat(r.calls()).isZero();
    }
}
