package dev.baml4j.bench.report;

import dev.baml4j.bench.load.LoadReport;
import dev.baml4j.bench.load.internal.LoadResult;
import dev.baml4j.bench.load.internal.RawConverseLoad;
import dev.baml4j.bench.load.internal.StreamSwarm;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/** Renders a load report as markdown tables; every spread is min, median, max over rounds. */
public final class MarkdownReport {
    private static final String FLOOR = "bare AWS SDK";
    private static final String BAML4J = "baml4j";
    private static final String OFFICIAL = "official runtime";

    private MarkdownReport() {}

    public static String load(LoadReport r) {
        StringBuilder b = new StringBuilder();
        b.append("### End-to-end load against baml4j-emulator (separate process, loopback)\n\n");
        b.append("Rounds: ").append(r.rounds()).append(". Cells show the median over rounds, with [min – max]. ")
                .append("CPU is the client process's CPU time divided by calls. Request bodies of the bare SDK ")
                .append("and baml4j: ").append(r.bodyCheck()).append(".\n\n");
        b.append("| scenario | concurrency | implementation | calls/s | p50 ms | p99 ms | CPU ms/call | errors "
                + "| calls/s ÷ floor | CPU ÷ floor |\n");
        b.append("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|\n");
        Map<String, List<LoadResult>> groups = r.results().stream().collect(Collectors.groupingBy(
                x -> x.scenario() + "|" + x.concurrency() + "|" + x.implementation(), LinkedHashMap::new,
                Collectors.toList()));
        List<String> keys = new ArrayList<>(groups.keySet());
        keys.sort((x, y) -> order(x).compareTo(order(y)));
        for (String k : keys) {
            List<LoadResult> g = groups.get(k);
            LoadResult first = g.get(0);
            List<LoadResult> floor = groups.getOrDefault(first.scenario() + "|" + first.concurrency() + "|" + FLOOR,
                    List.of());
            b.append("| ").append(first.scenario()).append(" | ").append(first.concurrency()).append(" | ")
                    .append(first.implementation()).append(" | ").append(spread(g, LoadResult::callsPerSecond, "%.0f"))
                    .append(" | ").append(fmt("%.2f", median(g, LoadResult::medianMs)))
                    .append(" | ").append(fmt("%.2f", median(g, LoadResult::p99Ms)))
                    .append(" | ").append(spread(g, LoadResult::cpuMsPerCall, "%.3f"))
                    .append(" | ").append(g.stream().mapToInt(LoadResult::errors).sum())
                    .append(" | ").append(first.implementation().equals(FLOOR) || floor.isEmpty() ? "—"
                            : fmt("%.2f", median(g, LoadResult::callsPerSecond) / median(floor, LoadResult::callsPerSecond)))
                    .append(" | ").append(first.implementation().equals(FLOOR) || floor.isEmpty() ? "—"
                            : fmt("%.2f", median(g, LoadResult::cpuMsPerCall) / median(floor, LoadResult::cpuMsPerCall)))
                    .append(" |\n");
        }
        b.append('\n');
        List<LoadResult> s1 = groups.get("stream (50 deltas)|1|" + BAML4J);
        List<LoadResult> f1 = groups.get("stream (50 deltas)|1|" + FLOOR);
        if (s1 != null && f1 != null) {
            b.append(String.format(Locale.ROOT, "Stream iteration overhead at concurrency 1 (p50 baml4j − p50 bare SDK): "
                    + "%.2f ms per call.%n%n", median(s1, LoadResult::medianMs) - median(f1, LoadResult::medianMs)));
        }
        b.append("Official runtime: ").append(r.officialStatus()).append(".\n");
        for (int c : new int[] {1, 64}) {
            for (String sc : new String[] {"call", "stream (50 deltas)"}) {
                List<LoadResult> o = groups.get(sc + "|" + c + "|" + OFFICIAL);
                List<LoadResult> m = groups.get(sc + "|" + c + "|" + BAML4J);
                if (o != null && m != null) {
                    b.append(String.format(Locale.ROOT, "- %s at concurrency %d: baml4j %.2f× the official runtime's "
                            + "calls/s, %.2f× its CPU per call.%n", sc, c,
                            median(m, LoadResult::callsPerSecond) / median(o, LoadResult::callsPerSecond),
                            median(m, LoadResult::cpuMsPerCall) / median(o, LoadResult::cpuMsPerCall)));
                }
            }
        }
        if (r.officialCompileMs() != null) {
            b.append("- official runtime parse + validate (`BamlRuntime.fromFiles`) of the generated ~1 MB project: ")
                    .append(r.officialCompileMs().path("compileMs")).append(" ms per run.\n");
        }
        b.append('\n');
        b.append("### Concurrent slow streams\n\n");
        b.append("| implementation | streams | completed | errors | wall s | peak heap MB | peak threads (before) "
                + "| first error |\n|---|---:|---:|---:|---:|---:|---:|---|\n");
        for (StreamSwarm.Result s : r.swarms()) {
            b.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %.1f | %.0f | %d (%d) | %s |%n",
                    s.implementation(), s.streams(), s.completed(), s.errors(), s.seconds(),
                    s.peakHeapBytes() / 1048576.0, s.peakThreads(), s.threadsBefore(),
                    s.firstError() == null ? "—" : abbreviate(s.firstError().replace('|', '/'), 160)));
        }
        b.append('\n');
        b.append("### Emulator throughput (small signed Converse requests, keep-alive, from another process)\n\n");
        if (!r.throughput().isEmpty()) {
            List<Double> rps = r.throughput().stream().map(RawConverseLoad.Result::requestsPerSecond).toList();
            List<Double> cpu = r.throughput().stream().map(x -> x.emulatorCpuMsPerRequest() * 1000).toList();
            b.append("| connections | requests/s | errors | emulator CPU µs/request |\n|---:|---:|---:|---:|\n");
            b.append(String.format(Locale.ROOT, "| %d | %s | %d | %s |%n", r.throughput().get(0).connections(),
                    spread(rps, "%.0f"), r.throughput().stream().mapToLong(RawConverseLoad.Result::errors).sum(),
                    spread(cpu, "%.0f")));
        }
        for (String n : r.notes()) {
            b.append("\nNote: ").append(n).append('\n');
        }
        return b.toString();
    }

    static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static String order(String key) {
        String[] p = key.split("\\|");
        String impl = p[2].equals(FLOOR) ? "0" : p[2].equals(BAML4J) ? "1" : "2";
        return (p[0].startsWith("call") ? "0" : "1") + String.format("%03d", Integer.parseInt(p[1])) + impl;
    }

    static double median(List<LoadResult> g, ToDoubleFunction<LoadResult> f) {
        double[] v = g.stream().mapToDouble(f).sorted().toArray();
        return medianOf(v);
    }

    static double medianOf(double[] sorted) {
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static String spread(List<LoadResult> g, ToDoubleFunction<LoadResult> f, String format) {
        return spread(g.stream().map(f::applyAsDouble).toList(), format);
    }

    /** "median [min – max]", or just the value for a single run. */
    public static String spread(List<Double> values, String format) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        if (v.length == 0) {
            return "—";
        }
        if (v.length == 1) {
            return fmt(format, v[0]);
        }
        return fmt(format, medianOf(v)) + " [" + fmt(format, v[0]) + " – " + fmt(format, v[v.length - 1]) + "]";
    }

    static String fmt(String format, double v) {
        return String.format(Locale.ROOT, format, v);
    }
}
