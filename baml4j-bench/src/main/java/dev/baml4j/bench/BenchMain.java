package dev.baml4j.bench;

import dev.baml4j.bench.load.LoadReport;
import dev.baml4j.bench.load.LoadRunner;
import dev.baml4j.bench.report.MarkdownReport;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.util.Statistics;

/**
 * The whole benchmark set in one command (bin/baml4j-bench): every JMH benchmark of this module,
 * then the end-to-end load runner; writes one markdown report to stdout and to a file.
 *
 * <pre>
 * bin/baml4j-bench            # the measured run (under 10 minutes on 2 cores)
 * bin/baml4j-bench --quick    # smoke run: every piece, tiny sizes
 * bin/baml4j-bench --only jmh # or --only load; --jmh REGEX narrows the JMH set
 * bin/baml4j-bench --official-compile   # also time the official runtime on the 1 MB project (minutes)
 * </pre>
 */
public final class BenchMain {
    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        List<String> a = List.of(args);
        boolean quick = a.contains("--quick");
        String only = value(a, "--only", "all");
        String include = value(a, "--jmh", "dev\\.baml4j\\.bench\\..*");
        Path root = Path.of(System.getProperty("baml4j.bench.home", ".")).toAbsolutePath().normalize();
        Path work = root.resolve("baml4j-bench/target/bench");
        Path out = Path.of(value(a, "--out", work.resolve(quick ? "report-quick.md" : "report.md").toString()));
        Files.createDirectories(work);

        StringBuilder md = new StringBuilder();
        md.append("## baml4j-bench ").append(quick ? "(quick smoke run — not for quoting)" : "").append("\n\n");
        md.append("- Run: ").append(Instant.now()).append(", command `bin/baml4j-bench")
                .append(args.length == 0 ? "" : " " + String.join(" ", args)).append("`\n");
        md.append("- Machine: ").append(machine()).append("\n");
        md.append("- Load average (1, 5, 15 min) at the start: ").append(loadAverage()).append("\n\n");
        if (!only.equals("load")) {
            md.append(jmh(include, quick)).append('\n');
        }
        if (!only.equals("jmh")) {
            LoadReport report = LoadRunner.run(LoadRunner.config(a));
            md.append(MarkdownReport.load(report));
        }
        md.append("\nLoad average (1, 5, 15 min) at the end: ").append(loadAverage()).append('\n');
        Files.writeString(out, md.toString(), StandardCharsets.UTF_8);
        System.out.println(md);
        System.out.println("(written to " + out + ")");
        // The SDK's and the runtime's pools may hold non-daemon threads; the report is written.
        System.exit(0);
    }

    private static String jmh(String include, boolean quick) throws RunnerException {
        ChainedOptionsBuilder o = new OptionsBuilder().include(include).forks(1)
                .warmupIterations(quick ? 1 : 2).warmupTime(TimeValue.seconds(1))
                .measurementIterations(quick ? 2 : 4).measurementTime(TimeValue.seconds(1))
                .jvmArgsAppend("-Xmx2g").shouldFailOnError(false).verbosity(VerboseMode.SILENT);
        Collection<RunResult> results;
        try {
            results = new Runner(o.build()).run();
        } catch (RunnerException e) {
            return "### JMH\n\nJMH did not run: " + e.getMessage() + "\n";
        }
        StringBuilder b = new StringBuilder("### JMH micro-benchmarks\n\n");
        b.append(String.format(Locale.ROOT, "1 fork, %d × 1 s warm-up, %d × 1 s measurement; spread = min, median, "
                + "max over measurement iterations.%n%n", quick ? 1 : 2, quick ? 2 : 4));
        b.append("| benchmark | params | mode | score | ± error | unit | min | median | max |\n");
        b.append("|---|---|---|---:|---:|---|---:|---:|---:|\n");
        List<RunResult> sorted = new ArrayList<>(results);
        sorted.sort((x, y) -> (x.getParams().getBenchmark() + x.getParams())
                .compareTo(y.getParams().getBenchmark() + y.getParams()));
        for (RunResult rr : sorted) {
            Map<String, String> params = new TreeMap<>();
            for (String k : rr.getParams().getParamsKeys()) {
                params.put(k, rr.getParams().getParam(k));
            }
            Result<?> p = rr.getPrimaryResult();
            Statistics s = p.getStatistics();
            String name = rr.getParams().getBenchmark().replace("dev.baml4j.bench.", "");
            b.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", name,
                    params.isEmpty() ? "—" : params.toString().replace("{", "").replace("}", ""),
                    rr.getParams().getMode().shortLabel(), num(p.getScore()), num(p.getScoreError()),
                    p.getScoreUnit(), num(s.getMin()), num(s.getPercentile(50)), num(s.getMax())));
        }
        return b.toString();
    }

    private static String num(double v) {
        if (Double.isNaN(v)) {
            return "—";
        }
        double a = Math.abs(v);
        return String.format(Locale.ROOT, a >= 100 ? "%.0f" : a >= 1 ? "%.2f" : "%.4f", v);
    }

    private static String value(List<String> a, String flag, String dflt) {
        int i = a.indexOf(flag);
        return i >= 0 && i + 1 < a.size() ? a.get(i + 1) : dflt;
    }

    /** The machine is shared: the load average says how much else was running. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + ", " + f[1] + ", " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** CPU model, cores, memory, JVM and OS, for the report header. */
    static String machine() {
        String cpu = "unknown CPU";
        try (BufferedReader r = Files.newBufferedReader(Path.of("/proc/cpuinfo"))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("model name")) {
                    cpu = line.substring(line.indexOf(':') + 1).trim();
                    break;
                }
            }
        } catch (IOException e) {
            cpu = "unknown CPU (" + e.getMessage() + ")";
        }
        long mem = 0;
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            mem = os.getTotalMemorySize() >> 30;
        }
        return String.format(Locale.ROOT, "%s, %d cores visible to the JVM, %d GiB RAM, Java %s (%s), %s %s", cpu,
                Runtime.getRuntime().availableProcessors(), mem, System.getProperty("java.version"),
                System.getProperty("java.vm.name"), System.getProperty("os.name"), System.getProperty("os.version"));
    }
}
