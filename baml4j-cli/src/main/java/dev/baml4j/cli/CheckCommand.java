package dev.baml4j.cli;

import dev.baml4j.cli.internal.BamlSources;
import dev.baml4j.lang.BamlCompiler;
import dev.baml4j.lang.Compilation;
import dev.baml4j.lang.Diagnostic;
import dev.baml4j.lang.SourceFile;
import dev.baml4j.provider.Providers;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code baml4j check DIR}: compiles every {@code .baml} file under DIR and prints every problem. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Checks every .baml file under DIR: syntax, types, clients and provider options.")
final class CheckCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", defaultValue = ".",
            description = "The folder holding the .baml files (default: the current folder).")
    Path dir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<SourceFile> files = BamlSources.read(dir);
        Compilation c = BamlCompiler.compile(files, Providers.validator(Providers.installed()));
        Map<String, String> sources = BamlSources.byPath(files);
        PrintWriter out = spec.commandLine().getOut();
        long errors = 0;
        long warnings = 0;
        for (Diagnostic d : c.diagnostics()) {
            out.println(BamlCompiler.render(d, sources));
            out.println();
            if (d.isError()) {
                errors++;
            } else {
                warnings++;
            }
        }
        // The summary's wording is fixed (scripts read it), so no singular forms.
        out.println("checked " + files.size() + " files: " + errors + " errors, " + warnings + " warnings");
        return errors > 0 ? 1 : 0;
    }
}
