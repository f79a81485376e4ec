package dev.baml4j.cli;

import dev.baml4j.cli.internal.BamlSources;
import dev.baml4j.codegen.BamlSourceFiles;
import dev.baml4j.codegen.GenerationResult;
import dev.baml4j.codegen.JavaClientGenerator;
import dev.baml4j.codegen.JavaClientOptions;
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
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code baml4j generate DIR --out DIR --package NAME}: what the Maven plugin does, from the
 * command line. Writes the typed client's sources under {@code --out} and, with
 * {@code --resources}, copies the {@code .baml} files where {@code BamlClient.create()} looks.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generates the typed Java client (records, enums, BamlClient) of the .baml files under DIR.")
final class GenerateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", defaultValue = ".",
            description = "The folder holding the .baml files (default: the current folder).")
    Path dir;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Where the Java sources go (a source root, e.g. src/main/java or target/generated-sources/baml4j).")
    Path out;

    @Option(names = "--package", required = true, paramLabel = "NAME",
            description = "The Java package of the generated code, e.g. com.example.baml.")
    String packageName;

    @Option(names = "--resources", paramLabel = "DIR",
            description = "Also copy the .baml files to DIR/<resource-root> (a resource folder, e.g. src/main/resources).")
    Path resources;

    @Option(names = "--resource-root", paramLabel = "NAME", defaultValue = JavaClientOptions.DEFAULT_RESOURCE_ROOT,
            description = "The classpath folder BamlClient.create() loads .baml files from (default: ${DEFAULT-VALUE}).")
    String resourceRoot;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        JavaClientOptions options;
        try {
            options = new JavaClientOptions(packageName, out, resourceRoot);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--package: " + e.getMessage());
        }
        List<SourceFile> files = BamlSources.read(dir);
        // The same checks as `baml4j check`: a project it rejects gets no client.
        Compilation c = BamlCompiler.compile(files, Providers.validator(Providers.installed()));
        Map<String, String> sources = BamlSources.byPath(files);
        long errors = 0;
        for (Diagnostic d : c.diagnostics()) {
            stderr.println(BamlCompiler.render(d, sources));
            stderr.println();
            errors += d.isError() ? 1 : 0;
        }
        if (errors > 0) {
            stderr.println("generate: " + errors + " errors in " + files.size() + " files; nothing generated");
            return 1;
        }
        GenerationResult generated = new JavaClientGenerator(options).write(c.project());
        stdout.println("generated " + generated.fileCount() + " files in " + out.resolve(packageName.replace('.', '/'))
                + " (" + generated.written().size() + " written, " + generated.unchanged().size() + " unchanged, "
                + generated.deleted().size() + " removed)");
        if (resources != null) {
            GenerationResult copied = BamlSourceFiles.mirror(dir, resources.resolve(resourceRoot));
            stdout.println("copied " + files.size() + " .baml files to " + resources.resolve(resourceRoot) + " ("
                    + copied.written().size() + " written)");
        }
        return 0;
    }
}
