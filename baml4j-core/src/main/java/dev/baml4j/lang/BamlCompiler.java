package dev.baml4j.lang;

import dev.baml4j.lang.internal.DiagnosticRenderer;
import dev.baml4j.lang.internal.Frontend;
import dev.baml4j.BamlConfigException;
import dev.baml4j.types.BamlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compiles {@code .baml} sources into a {@link BamlProject}. Never throws for bad input: every
 * problem, in every file, comes back as a {@link Diagnostic}.
 *
 * <pre>{@code
 * Compilation c = BamlCompiler.compile(List.of(new SourceFile("main.baml", text)), ClientValidator.PERMISSIVE);
 * c.diagnostics().forEach(d -> System.err.println(BamlCompiler.render(d, Map.of("main.baml", text))));
 * BamlProject project = c.projectOrThrow();
 * }</pre>
 */
public final class BamlCompiler {

    private BamlCompiler() {
    }

    /**
     * Parses and validates the files as one project. Provider names and client options are
     * checked through {@code validator}; a {@code "provider/model"} client shorthand in a function
     * becomes a {@link ClientDef} named by the shorthand, with option {@code model}.
     */
    public static Compilation compile(List<SourceFile> files, ClientValidator validator) {
        return Frontend.compile(files, validator);
    }

    /**
     * Parses a type expression ({@code "map<string, Resume[]>?"}, {@code "\"a\" | \"b\""})
     * against the project's classes, enums and aliases.
     *
     * @throws BamlConfigException carrying the diagnostics when the expression is not a valid type
     */
    public static BamlType parseType(String expression, BamlProject project) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        BamlType type = Frontend.parseType(expression, project, diagnostics);
        if (type == null) {
            throw new BamlConfigException(diagnostics);
        }
        return type;
    }

    /** Only the syntax errors of one file (no name resolution): is this file well formed? */
    public static List<Diagnostic> syntaxErrors(SourceFile file) {
        return Frontend.parseOnly(file);
    }

    /**
     * A diagnostic for people: {@code file:line:col: error: message}, the source line, a caret
     * under the column and the {@code help:} hint. Without the source, just the first line and hint.
     */
    public static String render(Diagnostic diagnostic, Map<String, String> sourcesByPath) {
        return DiagnosticRenderer.render(diagnostic, sourcesByPath);
    }
}
