package dev.baml4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code baml4j init DIR}: a starter project with a Bedrock client, a function and a test. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Creates a starter project in DIR/baml_src (never overwrites a file).",
        footer = {"", "Examples:", "  bin/baml4j init my-project", "  bin/baml4j check my-project/baml_src"})
final class InitCommand implements Callable<Integer> {

    private static final List<String> FILES = List.of("clients.baml", "main.baml");

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", defaultValue = ".", description = "Where to create baml_src/.")
    Path dir;

    @Override
    public Integer call() throws IOException {
        Path target = dir.resolve("baml_src");
        for (String name : FILES) {
            if (Files.exists(target.resolve(name))) {
                throw new UserError("`" + target.resolve(name) + "` already exists; init never overwrites files."
                        + " Choose an empty directory.");
            }
        }
        Files.createDirectories(target);
        for (String name : FILES) {
            try (InputStream in = InitCommand.class.getResourceAsStream("init/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("the starter file " + name + " is missing from the jar");
                }
                Files.copy(in, target.resolve(name));
            }
            spec.commandLine().getOut().println("created " + target.resolve(name));
        }
        spec.commandLine().getOut().println("next: bin/baml4j check " + target);
        return 0;
    }
}
