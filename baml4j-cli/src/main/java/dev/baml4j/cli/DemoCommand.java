package dev.baml4j.cli;

import dev.baml4j.cli.demo.Demo;
import dev.baml4j.cli.demo.Terminal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code baml4j demo}: the example project, end to end, against an in-process Bedrock emulator. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Runs examples/resume against the bundled Bedrock emulator (no AWS account needed):",
            "a typed call, a live stream of partial objects, the finish-reason check, a fallback",
            "recovering from throttling, and the signed request preview with secrets redacted."},
        footer = {"", "Examples:", "  bin/baml4j demo", "  bin/baml4j demo --no-color > demo.txt"})
final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--project", paramLabel = "DIR",
            description = "The example project (default: examples/resume in the repository).")
    Path project;

    @Option(names = "--no-color", description = "Plain text even on a terminal.")
    boolean noColor;

    @Override
    public Integer call() throws Exception {
        Path dir = project != null ? project : Home.path().resolve("examples").resolve("resume");
        if (!Files.isDirectory(dir.resolve("baml_src"))) {
            throw new UserError("cannot find the example project at `" + dir + "` (expected a baml_src folder):"
                    + " run `bin/baml4j demo` from a clone of the repository, or pass --project DIR");
        }
        Terminal terminal = new Terminal(spec.commandLine().getOut(), !noColor && Terminal.detectAnsi());
        new Demo(dir, terminal).run();
        return 0;
    }
}
