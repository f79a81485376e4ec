package dev.baml4j.lang;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;

/** Compiles inline sources for the language tests. */
final class Sources {

    private Sources() {
    }

    static Compilation compile(String src) {
        return BamlCompiler.compile(List.of(new SourceFile("main.baml", src)), ClientValidator.PERMISSIVE);
    }

    static BamlProject project(String src) {
        Compilation c = compile(src);
        assertThat(c.diagnostics()).as("diagnostics").isEmpty();
        return c.projectOrThrow();
    }

    /** Every diagnostic as {@code line:col message}, for compact assertions. */
    static List<String> errors(String src) {
        return compile(src).diagnostics().stream()
                .map(d -> d.span().line() + ":" + d.span().column() + " " + d.message())
                .collect(Collectors.toList());
    }

    static List<Diagnostic> diagnostics(String src) {
        return compile(src).diagnostics();
    }
}
