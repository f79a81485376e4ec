package dev.baml4j.bench.load.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The official BAML runtime (npm {@code @boundaryml/baml}, installed by
 * {@code ../shared/baml-oracle/ask-baml setup}) driven by {@code official-load.mjs} with the same
 * closed loop and against the same emulator. It only runs inside a loopback-only network namespace
 * (bin/baml4j-bench makes one), as ask-baml itself does; otherwise the harness says why it was skipped.
 */
public final class OfficialRuntime {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One closed-loop scenario for the node driver. */
    public record Scenario(String id, String mode, int calls, int concurrency, int warmup) {}

    private final Path install;
    private final Path script;

    private OfficialRuntime(Path install, Path script) {
        this.install = install;
        this.script = script;
    }

    /** The runtime when it is installed and can be run here, or the reason it cannot. */
    public static Availability locate(Path repoRoot) {
        if (!"1".equals(System.getenv("BAML4J_BENCH_ISOLATED"))) {
            return new Availability(null, "not run: the harness is not inside a loopback-only network namespace "
                    + "(bin/baml4j-bench makes one with `unshare -rn`; it failed or was bypassed)");
        }
        List<Path> candidates = new ArrayList<>();
        Optional.ofNullable(System.getenv("ASK_BAML_INSTALL")).ifPresent(p -> candidates.add(Path.of(p)));
        Optional.ofNullable(System.getenv("BAML_ORACLE_DIR")).ifPresent(p -> candidates.add(Path.of(p)));
        candidates.add(repoRoot.resolve("../shared/baml-oracle").normalize());
        String cache = Optional.ofNullable(System.getenv("XDG_CACHE_HOME"))
                .orElse(System.getProperty("user.home") + "/.cache");
        candidates.add(Path.of(cache, "ask-baml"));
        Path found = null;
        for (Path c : candidates) {
            if (Files.isDirectory(c.resolve("node_modules/@boundaryml/baml"))) {
                found = c;
                break;
            }
        }
        if (found == null) {
            return new Availability(null, "not installed (looked in " + candidates
                    + "); install it with ../shared/baml-oracle/ask-baml setup");
        }
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            String v = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return new Availability(null, "not run: `node --version` failed: " + v);
            }
            Path script = Files.createTempFile("official-load", ".mjs");
            script.toFile().deleteOnExit();
            try (InputStream in = OfficialRuntime.class.getResourceAsStream("/dev/baml4j/bench/load/official-load.mjs")) {
                Files.write(script, in.readAllBytes());
            }
            return new Availability(new OfficialRuntime(found, script), "installed in " + found + ", node " + v);
        } catch (IOException | InterruptedException e) {
            return new Availability(null, "not run: node is not available (" + e.getMessage() + ")");
        }
    }

    /** Whether the runtime can run, and what the report should say about it. */
    public record Availability(OfficialRuntime runtime, String status) {}

    /** Runs the scenarios on {@code bamlDir}'s function and returns one JSON result per scenario. */
    public List<JsonNode> run(Path bamlDir, String function, Map<String, String> args, List<Scenario> scenarios,
            long timeoutSeconds) throws IOException, InterruptedException {
        List<String> cmd = List.of("node", script.toString(), "--install", install.toString(), "--baml",
                bamlDir.toString(), "--fn", function, "--args", JSON.writeValueAsString(args), "--scenarios",
                JSON.writeValueAsString(scenarios));
        return runNode(cmd, timeoutSeconds);
    }

    /** Parse + validate time of a project folder with the official runtime ({@code BamlRuntime.fromFiles}). */
    public JsonNode compile(Path projectDir, int repeat, long timeoutSeconds) throws IOException, InterruptedException {
        List<String> cmd = List.of("node", script.toString(), "--install", install.toString(), "--baml",
                projectDir.toString(), "--fn", "-", "--args", "{}", "--compile", projectDir.toString(), "--repeat",
                Integer.toString(repeat));
        List<JsonNode> out = runNode(cmd, timeoutSeconds);
        return out.isEmpty() ? null : out.get(0);
    }

    private List<JsonNode> runNode(List<String> cmd, long timeoutSeconds) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
        Map<String, String> env = pb.environment();
        // As ask-baml: no AWS configuration of this machine, no proxies, no Rust backtraces, no BAML logs.
        env.keySet().removeIf(k -> k.startsWith("AWS_") || k.toLowerCase().endsWith("_proxy")
                || k.equals("RUST_BACKTRACE"));
        env.put("BAML_LOG", "off");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("HOME", Files.createTempDirectory("official-home").toString());
        Process p = pb.start();
        List<JsonNode> results = new ArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.startsWith("{")) {
                        synchronized (results) {
                            results.add(JSON.readTree(line));
                        }
                    }
                }
            } catch (IOException e) {
                System.err.println("  official runtime: cannot read its output: " + e.getMessage());
            }
        }, "official-output");
        reader.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            System.err.println("  official runtime: stopped after " + timeoutSeconds + " s");
        }
        reader.join(5000);
        synchronized (results) {
            return List.copyOf(results);
        }
    }
}
