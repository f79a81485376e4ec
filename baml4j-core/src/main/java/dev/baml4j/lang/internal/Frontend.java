package dev.baml4j.lang.internal;

import dev.baml4j.lang.BamlProject;
import dev.baml4j.lang.ClientValidator;
import dev.baml4j.lang.Compilation;
import dev.baml4j.lang.Diagnostic;
import dev.baml4j.lang.SourceFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Parse every file, then validate them together. The engine behind {@code BamlCompiler}. */
public final class Frontend {

    private Frontend() {
    }

    public static Compilation compile(List<SourceFile> files, ClientValidator validator) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<Ast.FileAst> asts = new ArrayList<>();
        for (SourceFile f : files) {
            asts.add(Parser.parse(f, diagnostics));
        }
        BamlProject project = new Validator(diagnostics, validator).validate(files, asts);
        List<Diagnostic> sorted = sorted(files, diagnostics);
        boolean errors = sorted.stream().anyMatch(Diagnostic::isError);
        return new Compilation(errors ? null : project, sorted);
    }

    /** Syntax errors only: for tools that need to know whether a source is well formed. */
    public static List<Diagnostic> parseOnly(SourceFile file) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        Parser.parse(file, diagnostics);
        return diagnostics;
    }

    /** In file order, then by position; diagnostics without a file position keep their order at the end. */
    private static List<Diagnostic> sorted(List<SourceFile> files, List<Diagnostic> diagnostics) {
        Map<String, Integer> fileOrder = new HashMap<>();
        for (int i = 0; i < files.size(); i++) {
            fileOrder.putIfAbsent(files.get(i).path(), i);
        }
        List<Diagnostic> out = new ArrayList<>(diagnostics);
        out.sort(Comparator.comparingInt((Diagnostic d) -> fileOrder.getOrDefault(d.span().file(), Integer.MAX_VALUE))
                .thenComparingInt(d -> d.span().line())
                .thenComparingInt(d -> d.span().column()));
        return out;
    }
}
