package dev.baml4j.bench;

import dev.baml4j.lang.BamlCompiler;
import dev.baml4j.lang.ClientValidator;
import dev.baml4j.lang.Compilation;
import dev.baml4j.lang.SourceFile;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parse + validate throughput of the language front end on a ~1 MB generated project.
 * Run: {@code java -cp <bench classpath> org.openjdk.jmh.Main CompileBenchmark}; results in
 * {@code docs/PERFORMANCE.md}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CompileBenchmark {

    private List<SourceFile> project;

    @Setup
    public void generate() {
        project = GeneratedProject.ofSize(1 << 20);
        Compilation c = BamlCompiler.compile(project, ClientValidator.PERMISSIVE);
        if (c.hasErrors()) {
            throw new IllegalStateException("generated project does not compile: " + c.diagnostics().get(0));
        }
    }

    /** One full compile (parse + validate) of the ~1 MB project. */
    @Benchmark
    public Compilation compileOneMegabyte() {
        return BamlCompiler.compile(project, ClientValidator.PERMISSIVE);
    }

    /** Only the syntax pass, for comparison. */
    @Benchmark
    public int parseOneMegabyte() {
        int n = 0;
        for (SourceFile f : project) {
            n += BamlCompiler.syntaxErrors(f).size();
        }
        return n;
    }
}
