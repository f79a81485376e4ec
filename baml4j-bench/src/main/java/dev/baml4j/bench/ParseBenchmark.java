package dev.baml4j.bench;

import dev.baml4j.bench.internal.GeneratedProject;
import dev.baml4j.lang.BamlCompiler;
import dev.baml4j.lang.ClientValidator;
import dev.baml4j.lang.Compilation;
import dev.baml4j.lang.SourceFile;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Parse + validate of the language front end on a generated project of about 1 MB (~60 files; see
 * {@link GeneratedProject}). One operation compiles the whole project, so the time per operation
 * is the time to load a 1 MB project, and MB/s is {@code size / 1e6 / seconds per op}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ParseBenchmark {
    /** Characters of generated BAML. */
    @Param("1000000")
    public int size;

    private List<SourceFile> files;

    @Setup
    public void generate() {
        files = GeneratedProject.sources(size).entrySet().stream()
                .map(e -> new SourceFile(e.getKey(), e.getValue()))
                .toList();
        Compilation c = BamlCompiler.compile(files, ClientValidator.PERMISSIVE);
        if (c.hasErrors()) {
            // A benchmark of a project that does not compile would measure the error path.
            throw new IllegalStateException("the generated project does not compile: " + c.diagnostics().get(0));
        }
    }

    @Benchmark
    public Compilation parseAndValidate() {
        return BamlCompiler.compile(files, ClientValidator.PERMISSIVE);
    }
}
