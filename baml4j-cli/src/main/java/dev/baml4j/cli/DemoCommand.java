package dev.baml4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code baml4j demo}. Until the end-to-end demo lands (its own issue), it checks the bundled
 * example project, so the README's first command works on a fresh clone.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Runs the demo (for now: checks the example project under examples/resume).")
final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Path examples = Home.path().resolve("examples").resolve("resume");
        if (!Files.isDirectory(examples)) {
            throw new UserError("cannot find the examples at `" + examples + "`: run `bin/baml4j demo` from a clone"
                    + " of the repository");
        }
        spec.commandLine().getOut().println("checking the example project " + examples + " …");
        return new CommandLine(new CheckCommand()).setOut(spec.commandLine().getOut())
                .setErr(spec.commandLine().getErr()).execute(examples.toString());
    }
}
