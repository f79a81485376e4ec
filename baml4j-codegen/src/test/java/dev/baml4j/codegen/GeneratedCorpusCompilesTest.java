package dev.baml4j.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generates the client of every BAML project in the repo's conformance corpus and compiles all of
 * it with javac {@code -Xlint:all}: no errors, no warnings. Projects that generate the same code
 * (the error cases share a few shapes) are compiled once; each project gets its own package so
 * one javac run covers them all.
 */
class GeneratedCorpusCompilesTest {

    @Test
    void everyCorpusProjectGeneratesCodeThatCompilesWithoutWarnings(@TempDir Path dir) {
        List<CorpusProjects.Project> projects = CorpusProjects.all();
        assertThat(projects).hasSizeGreaterThan(30);
        List<GeneratedFile> all = new ArrayList<>();
        Set<List<GeneratedFile>> seen = new HashSet<>();
        int distinct = 0;
        for (CorpusProjects.Project p : projects) {
            List<GeneratedFile> probe = new JavaClientGenerator(new JavaClientOptions("gen.probe", dir)).generate(p.project());
            if (!seen.add(probe)) {
                continue;
            }
            String pkg = "gen.p" + distinct++;
            all.addAll(new JavaClientGenerator(new JavaClientOptions(pkg, dir)).generate(p.project()));
        }
        assertThat(distinct).isGreaterThan(20);
        JavaSourceCompiler.Result result = JavaSourceCompiler.compile(all, dir);
        assertThat(result.problems()).as("javac -Xlint:all on %d generated files", all.size()).isEmpty();
    }
}
