package dev.baml4j.cli.runtime;

import dev.baml4j.cli.UserError;
import dev.baml4j.cli.serve.FunctionServer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code baml4j serve DIR}: every function of a project behind HTTP. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serves every function of the project in DIR over HTTP until stopped:",
            "  POST /call/{Function}    JSON arguments in, the JSON result out",
            "  POST /stream/{Function}  server-sent events: `partial` events, then `final` (or `error`)",
            "  GET  /_debug/ping        liveness",
            "Statuses: 400 bad arguments, 401 missing/wrong API key, 404 unknown function,",
            "422 unparseable or cut-off reply, 502 the LLM call failed (the body names the BAML error)."},
        footer = {"", "Examples:", "  bin/baml4j serve examples/resume/baml_src --port 8080",
            "  BAML4J_API_KEY=s3cret bin/baml4j serve baml_src   # then send x-api-key: s3cret",
            "  curl -d '{\"resume_text\": \"Ada Lovelace\"}' localhost:8080/call/ExtractResume"})
public final class ServeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "The folder holding the .baml files.")
    Path dir;

    @Option(names = "--port", paramLabel = "N", defaultValue = "2024", description = "The port (0 picks a free one).")
    int port;

    @Option(names = "--host", paramLabel = "ADDR", defaultValue = "127.0.0.1", description = "The address to bind.")
    String host;

    @Option(names = "--api-key-env", paramLabel = "NAME", defaultValue = "BAML4J_API_KEY",
            description = "The environment variable holding the API key clients must send (unset: no auth).")
    String apiKeyEnv;

    @Mixin
    CallFlags flags;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        String apiKey = flags.environment().get(apiKeyEnv);
        FunctionServer server;
        try {
            server = FunctionServer.start(flags.runtime(dir), flags.options(), apiKey, host, port);
        } catch (IOException e) {
            throw new UserError("cannot listen on " + host + ":" + port + ": " + e.getMessage()
                    + " (pick another --port, or 0 for a free one)");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "baml4j-serve-shutdown"));
        spec.commandLine().getOut().println("listening " + server.uri()
                + (apiKey == null || apiKey.isEmpty() ? " (no API key: set " + apiKeyEnv + " to require one)"
                        : " (API key required)"));
        spec.commandLine().getOut().flush();
        stopped.await();
        return 0;
    }
}
