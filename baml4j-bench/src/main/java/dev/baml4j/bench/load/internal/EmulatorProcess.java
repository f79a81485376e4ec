package dev.baml4j.bench.load.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code baml4j-emulator} in its own JVM, so its CPU never counts as the client's: started with
 * {@code EmulatorMain --port 0}, found through the {@code listening http://127.0.0.1:PORT} line it
 * prints first, and stopped by its own process handle.
 */
public final class EmulatorProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening (http://127\\.0\\.0\\.1:\\d+)");

    private final Process process;
    private final URI uri;
    private final HttpClient control = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private EmulatorProcess(Process process, URI uri) {
        this.process = process;
        this.uri = uri;
    }

    /**
     * Starts the emulator with a rules file, on the classpath of this JVM.
     *
     * @param rulesJson the rules file's content
     * @param log where the emulator's stdout goes (its stderr goes beside it, with {@code .stderr} appended)
     */
    public static EmulatorProcess start(String rulesJson, Path log) throws IOException, InterruptedException {
        Path rules = Files.createTempFile("baml4j-bench-rules", ".json");
        rules.toFile().deleteOnExit();
        Files.writeString(rules, rulesJson, StandardCharsets.UTF_8);
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx1g");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("dev.baml4j.emulator.EmulatorMain");
        cmd.add("--port");
        cmd.add("0");
        cmd.add("--rules");
        cmd.add(rules.toString());
        Files.createDirectories(log.toAbsolutePath().getParent());
        // stderr goes to its own file: Netty may log there before the emulator prints its address.
        Path errLog = log.resolveSibling(log.getFileName() + ".stderr");
        Process p = new ProcessBuilder(cmd).redirectError(errLog.toFile()).start();
        BlockingQueue<String> first = new ArrayBlockingQueue<>(1);
        Thread pump = new Thread(() -> pump(p, log, first), "emulator-output");
        pump.setDaemon(true);
        pump.start();
        String line = first.poll(60, TimeUnit.SECONDS);
        Matcher m = line == null ? null : LISTENING.matcher(line);
        if (m == null || !m.find()) {
            p.destroyForcibly();
            throw new IOException("baml4j-emulator did not print 'listening http://127.0.0.1:PORT' within 60 s"
                    + (line == null ? "" : ": " + line) + " (its output is in " + log + " and " + errLog + ")");
        }
        return new EmulatorProcess(p, URI.create(m.group(1)));
    }

    private static void pump(Process p, Path log, BlockingQueue<String> first) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                var out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            String line;
            boolean firstSeen = false;
            while ((line = r.readLine()) != null) {
                if (!firstSeen && LISTENING.matcher(line).find()) {
                    first.offer(line);
                    firstSeen = true;
                }
                out.write(line);
                out.newLine();
                out.flush();
            }
            if (!firstSeen) {
                first.offer("(the emulator exited without printing its address; exit status "
                        + p.waitFor() + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            first.offer("(could not read the emulator's output: " + e.getMessage() + ")");
        }
    }

    public URI uri() {
        return uri;
    }

    /** CPU time the emulator process has used so far, in nanoseconds (-1 when unknown). */
    public long cpuNanos() {
        return process.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    }

    /** {@code POST /__reset}: clears the journal, so a long run does not grow the emulator's heap. */
    public void reset() throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(uri.resolve("/__reset")).POST(HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(30)).build();
        control.send(req, HttpResponse.BodyHandlers.discarding());
    }

    /** {@code GET /__requests}: the journal as JSON text. */
    public String journal() throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(uri.resolve("/__requests")).GET().timeout(Duration.ofSeconds(30))
                .build();
        return control.send(req, HttpResponse.BodyHandlers.ofString()).body();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
