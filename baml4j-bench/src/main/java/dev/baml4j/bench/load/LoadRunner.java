package dev.baml4j.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baml4j.bench.internal.GeneratedProject;
import dev.baml4j.bench.load.internal.BamlTarget;
import dev.baml4j.bench.load.internal.BenchProject;
import dev.baml4j.bench.load.internal.ClosedLoop;
import dev.baml4j.bench.load.internal.EmulatorProcess;
import dev.baml4j.bench.load.internal.FloorClient;
import dev.baml4j.bench.load.internal.LoadResult;
import dev.baml4j.bench.load.internal.OfficialRuntime;
import dev.baml4j.bench.load.internal.RawConverseLoad;
import dev.baml4j.bench.load.internal.StreamSwarm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The end-to-end load runner: baml4j against the bare AWS SDK (the floor) and the official
 * runtime, all calling {@code baml4j-emulator} in a separate process on loopback.
 *
 * <pre>{@code
 * LoadReport report = LoadRunner.run(LoadRunner.Config.full(Path.of("baml4j-bench/target/bench")));
 * }</pre>
 */
public final class LoadRunner {
    static final String FLOOR = "bare AWS SDK";
    static final String BAML4J = "baml4j";
    static final String OFFICIAL = "official runtime";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Sizes of one run. Every loop is bounded by a call count and a timeout. */
    public record Config(Path workDir, Path repoRoot, int callsAt1, int callsAt64, int warmup, int rounds,
            int swarmStreams, int dripDeltas, long dripDelayMs, double throughputSeconds, int throughputConnections,
            int officialCalls, boolean officialCompile) {

        /** Smoke run: every scenario, tiny sizes. */
        public static Config quick(Path workDir, Path repoRoot) {
            return new Config(workDir, repoRoot, 200, 1000, 300, 1, 1000, 10, 50, 2, 64, 200, false);
        }

        /**
         * Also time the official runtime's parse + validate of the generated 1 MB project: minutes
         * on 2 cores, so it is outside the 10-minute budget ({@code --official-compile}).
         */
        public Config withOfficialCompile() {
            return new Config(workDir, repoRoot, callsAt1, callsAt64, warmup, rounds, swarmStreams, dripDeltas,
                    dripDelayMs, throughputSeconds, throughputConnections, officialCalls, true);
        }

        /** The measured run. */
        public static Config full(Path workDir, Path repoRoot) {
            return new Config(workDir, repoRoot, 1000, 4000, 1000, 3, 10_000, 10, 300, 5, 64, 1000, false);
        }
    }

    private LoadRunner() {}

    public static LoadReport run(Config cfg) throws IOException, InterruptedException {
        Files.createDirectories(cfg.workDir());
        List<String> notes = new ArrayList<>();
        List<LoadResult> results = new ArrayList<>();
        List<StreamSwarm.Result> swarms = new ArrayList<>();
        List<RawConverseLoad.Result> throughput = new ArrayList<>();
        String bodyCheck;
        OfficialRuntime.Availability official = OfficialRuntime.locate(cfg.repoRoot());
        JsonNode officialCompile = null;
        try (EmulatorProcess emulator = EmulatorProcess.start(BenchProject.rules(cfg.dripDeltas(), cfg.dripDelayMs()),
                cfg.workDir().resolve("emulator.log"))) {
            log("emulator at " + emulator.uri());
            BamlTarget baml = null;
            try {
                baml = new BamlTarget(emulator.uri());
                baml.call();
            } catch (RuntimeException | LinkageError e) {
                notes.add("baml4j could not run: " + e);
                baml = null;
            }
            String bamlBody = baml == null ? null : lastBody(emulator, "/model/" + BenchProject.MODEL + "/converse");
            JsonNode body = JSON.readTree(bamlBody != null ? bamlBody : BenchProject.fallbackBody());
            try (FloorClient floor = new FloorClient(emulator.uri(), BenchProject.MODEL, body, 256)) {
                emulator.reset();
                floor.converse();
                String floorBody = lastBody(emulator, "/model/" + BenchProject.MODEL + "/converse");
                bodyCheck = bodyCheck(bamlBody, floorBody);
                log("request bodies: " + bodyCheck);
                BamlTarget b = baml;
                List<Scenario> scenarios = List.of(
                        new Scenario("call", 1, cfg.callsAt1(), () -> floor.converse(), b == null ? null : b::call),
                        new Scenario("call", 64, cfg.callsAt64(), () -> floor.converse(), b == null ? null : b::call),
                        new Scenario("stream (50 deltas)", 1, cfg.callsAt1(), () -> floor.converseStream(),
                                b == null ? null : b::stream),
                        new Scenario("stream (50 deltas)", 64, cfg.callsAt64(), () -> floor.converseStream(),
                                b == null ? null : b::stream));
                for (Scenario s : scenarios) {
                    log("warm-up: " + s.name + " at " + s.concurrency);
                    ClosedLoop.run(s.name, FLOOR, cfg.warmup(), s.concurrency, 300, s.floor);
                    if (s.baml != null) {
                        ClosedLoop.run(s.name, BAML4J, cfg.warmup(), s.concurrency, 300, s.baml);
                    }
                    emulator.reset();
                }
                for (int r = 0; r < cfg.rounds(); r++) {
                    for (Scenario s : scenarios) {
                        // Alternate who goes first, so drift on a shared machine hits both sides alike.
                        boolean floorFirst = r % 2 == 0;
                        for (int k = 0; k < 2; k++) {
                            boolean isFloor = (k == 0) == floorFirst;
                            ClosedLoop.Call c = isFloor ? s.floor : s.baml;
                            if (c == null) {
                                continue;
                            }
                            LoadResult res = ClosedLoop.run(s.name, isFloor ? FLOOR : BAML4J, s.calls, s.concurrency,
                                    300, c);
                            results.add(res);
                            log(String.format("round %d: %-18s c=%-2d %-14s %8.0f calls/s  p50 %.2f ms  p99 %.2f ms"
                                    + "  cpu %.3f ms/call  errors %d", r + 1, s.name, s.concurrency,
                                    res.implementation(), res.callsPerSecond(), res.medianMs(), res.p99Ms(),
                                    res.cpuMsPerCall(), res.errors()));
                            emulator.reset();
                        }
                    }
                    if (official.runtime() != null) {
                        results.addAll(runOfficial(official.runtime(), emulator, cfg, r));
                    }
                }
            }
            log("concurrency: " + cfg.swarmStreams() + " slow streams");
            try (FloorClient floor = new FloorClient(emulator.uri(), BenchProject.SLOW_MODEL, body,
                    cfg.swarmStreams() + 16)) {
                swarms.add(StreamSwarm.run(FLOOR, cfg.swarmStreams(), 180, floor::converseStreamAsync));
            }
            emulator.reset();
            if (baml != null) {
                BamlTarget b = baml;
                swarms.add(StreamSwarm.run(BAML4J, cfg.swarmStreams(), 180,
                        () -> b.streamAsync(BenchProject.SLOW_FUNCTION)));
                emulator.reset();
            }
            swarms.forEach(s -> log(s.toString()));
            // The emulator's JIT warms up on the first seconds of small requests; they are not counted.
            RawConverseLoad.run(emulator, BenchProject.PING_MODEL, cfg.throughputConnections(), 2);
            emulator.reset();
            for (int r = 0; r < cfg.rounds(); r++) {
                RawConverseLoad.Result t = RawConverseLoad.run(emulator, BenchProject.PING_MODEL,
                        cfg.throughputConnections(), cfg.throughputSeconds());
                emulator.reset();
                throughput.add(t);
                log(String.format("emulator throughput: %.0f requests/s (%d errors)", t.requestsPerSecond(),
                        t.errors()));
            }
        }
        if (official.runtime() != null && cfg.officialCompile()) {
            Path project = cfg.workDir().resolve("generated-1mb");
            GeneratedProject.write(project, 1_000_000);
            log("official runtime: parse + validate of the generated project");
            officialCompile = official.runtime().compile(project, 1, 300);
        }
        return new LoadReport(results, cfg.rounds(), bodyCheck, swarms, throughput, official.status(),
                officialCompile, notes);
    }

    private static List<LoadResult> runOfficial(OfficialRuntime rt, EmulatorProcess emulator, Config cfg, int round)
            throws IOException, InterruptedException {
        Path dir = cfg.workDir().resolve("official-baml");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("bench.baml"), BenchProject.baml(emulator.uri()), StandardCharsets.UTF_8);
        int warm = round == 0 ? cfg.officialCalls() / 2 : 0;
        List<OfficialRuntime.Scenario> scenarios = List.of(
                new OfficialRuntime.Scenario("call/1", "call", cfg.officialCalls(), 1, warm),
                new OfficialRuntime.Scenario("call/64", "call", cfg.officialCalls() * 2, 64, warm),
                new OfficialRuntime.Scenario("stream/1", "stream", cfg.officialCalls(), 1, warm),
                new OfficialRuntime.Scenario("stream/64", "stream", cfg.officialCalls() * 2, 64, warm));
        List<LoadResult> out = new ArrayList<>();
        for (JsonNode r : rt.run(dir, BenchProject.FUNCTION, Map.of("email", BenchProject.EMAIL), scenarios, 600)) {
            String[] id = r.path("id").asText().split("/");
            String name = id[0].equals("call") ? "call" : "stream (50 deltas)";
            LoadResult res = new LoadResult(name, OFFICIAL, Integer.parseInt(id[1]), r.path("calls").asInt(),
                    r.path("errors").asInt(), r.path("callsPerSecond").asDouble(), r.path("medianMs").asDouble(),
                    r.path("p99Ms").asDouble(), r.path("cpuMsPerCall").asDouble());
            out.add(res);
            log(String.format("round %d: %-18s c=%-2d %-14s %8.0f calls/s  p50 %.2f ms  p99 %.2f ms  cpu %.3f ms/call"
                    + "  errors %d%s", round + 1, name, res.concurrency(), OFFICIAL, res.callsPerSecond(),
                    res.medianMs(), res.p99Ms(), res.cpuMsPerCall(), res.errors(),
                    r.hasNonNull("firstError") ? " (first: " + r.get("firstError").asText() + ")" : ""));
        }
        emulator.reset();
        return out;
    }

    private record Scenario(String name, int concurrency, int calls, ClosedLoop.Call floor, ClosedLoop.Call baml) {}

    /** The body of the last journal entry whose path contains {@code path}, as JSON text. */
    static String lastBody(EmulatorProcess emulator, String path) throws IOException, InterruptedException {
        JsonNode root = JSON.readTree(emulator.journal());
        JsonNode list = root.isArray() ? root : root.path("requests");
        String found = null;
        for (JsonNode e : list) {
            if (e.path("path").asText(e.path("uri").asText()).contains(path)) {
                JsonNode b = e.path("body");
                found = b.isTextual() ? b.asText() : b.toString();
            }
        }
        return found;
    }

    static String bodyCheck(String baml, String floor) throws IOException {
        if (baml == null) {
            return "not checked: baml4j did not run, the bare SDK sent a fixed body of the same shape";
        }
        if (floor == null) {
            return "not checked: the emulator journal had no bare-SDK request";
        }
        return JSON.readTree(baml).equals(JSON.readTree(floor))
                ? "identical (compared as JSON in the emulator journal)"
                : "DIFFERENT: baml4j sent " + baml + " but the bare SDK sent " + floor;
    }

    static void log(String line) {
        System.err.println("[load] " + line);
    }

    /** {@code LoadRunner [--quick]}: runs the load set alone and prints its markdown. */
    public static void main(String[] args) throws Exception {
        System.out.println(dev.baml4j.bench.report.MarkdownReport.load(run(config(List.of(args)))));
        System.exit(0);
    }

    /** The configuration that {@code --quick} and {@code --official-compile} select. */
    public static Config config(List<String> args) {
        Path root = Path.of(System.getProperty("baml4j.bench.home", ".")).toAbsolutePath().normalize();
        Path work = root.resolve("baml4j-bench/target/bench");
        Config c = args.contains("--quick") ? Config.quick(work, root) : Config.full(work, root);
        return args.contains("--official-compile") ? c.withOfficialCompile() : c;
    }
}
