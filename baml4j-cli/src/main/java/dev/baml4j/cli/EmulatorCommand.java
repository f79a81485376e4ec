package dev.baml4j.cli;

import dev.baml4j.emulator.BedrockEmulator;
import dev.baml4j.emulator.Credentials;
import dev.baml4j.emulator.Rules;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code baml4j emulator}: a local Bedrock Runtime until the process is stopped. */
@Command(name = "emulator", mixinStandardHelpOptions = true,
        description = {"Runs the local Amazon Bedrock Runtime (Converse, ConverseStream, STS, container and",
            "IMDSv2 credentials) on 127.0.0.1 until stopped. The first line is `listening URL`."},
        footer = {"", "Examples:", "  bin/baml4j emulator --port 4010",
            "  bin/baml4j emulator --rules examples/resume/emulator-rules.json",
            "", "Rules and credentials files: see baml4j-emulator/README.md."})
final class EmulatorCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", defaultValue = "0", description = "The port (0 picks a free one).")
    int port;

    @Option(names = "--rules", paramLabel = "FILE", description = "Scripted replies and faults (JSON).")
    Path rules;

    @Option(names = "--credentials", paramLabel = "FILE", description = "Accepted keys, roles and tokens (JSON).")
    Path credentials;

    @Override
    public Integer call() throws InterruptedException {
        BedrockEmulator.Builder builder = BedrockEmulator.builder().port(port);
        try {
            if (rules != null) {
                builder.rules(Rules.load(rules));
            }
            if (credentials != null) {
                builder.credentials(Credentials.load(credentials));
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new UserError("cannot load the emulator configuration: " + e.getMessage());
        }
        BedrockEmulator emulator = builder.build().start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "baml4j-emulator-shutdown"));
        spec.commandLine().getOut().println("listening " + emulator.uri());
        spec.commandLine().getOut().flush();
        stopped.await();
        return 0;
    }
}
