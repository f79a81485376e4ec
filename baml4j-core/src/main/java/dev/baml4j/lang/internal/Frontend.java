package dev.baml4j.lang.internal;

import dev.baml4j.lang.BamlProject;
import dev.baml4j.lang.ClientValidator;
import dev.baml4j.lang.Compilation;
import dev.baml4j.lang.Diagnostic;
import dev.baml4j.lang.SourceFile;
import dev.baml4j.types.BamlType;
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

    /**
     * A type expression resolved against a project's classes, enums and aliases; the diagnostics
     * go to {@code diagnostics} and the result is null when there are any.
     */
    public static BamlType parseType(String expression, BamlProject project, List<Diagnostic> diagnostics) {
        int before = diagnostics.size();
        Lexer lx = new Lexer("<type>", expression, diagnostics);
        TypeParser parser = new TypeParser(lx, new ValueParser(lx));
        Ast.TypeExpr expr;
        try {
            lx.skipTrivia();
            expr = parser.type(0);
            lx.skipTrivia();
            if (!lx.eof()) {
                lx.error(lx.pos, expression.length(), "unexpected `" + Lexer.abbreviate(expression.substring(lx.pos))
                        + "` after the type", null);
            }
        } catch (ParseError | DeclarationAbandoned e) {
            return null;
        }
        AttributeRules rules = new AttributeRules(diagnostics);
        TypeResolver resolver = new TypeResolver(project.classes().keySet(), project.enums().keySet(),
                project.aliases().keySet(), diagnostics, rules);
        BamlType type = resolver.resolve(expr);
        resolver.checkMapKeys();
        return diagnostics.size() > before ? null : type;
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
        List<Diagnostic> all = new ArrayList<>(diagnostics);
        all.sort(Comparator.comparingInt((Diagnostic d) -> fileOrder.getOrDefault(d.span().file(), Integer.MAX_VALUE))
                .thenComparingInt(d -> d.span().line())
                .thenComparingInt(d -> d.span().column()));
        List<Diagnostic> out = new ArrayList<>();
        Map<String, Integer> perFile = new HashMap<>();
        for (Diagnostic d : all) {
            int n = perFile.merge(d.span().file(), 1, Integer::sum);
            if (n <= Lexer.MAX_ERRORS) {
                out.add(d);
            } else if (n == Lexer.MAX_ERRORS + 1) {
                out.add(Diagnostic.error(d.span(), "too many errors in " + d.span().file() + "; not showing the rest",
                        "fix the errors above and check again"));
            }
        }
        return out;
    }
}
