package dev.baml4j.lang.internal;

import dev.baml4j.lang.ClassDef;
import dev.baml4j.lang.Diagnostic;
import dev.baml4j.lang.FieldDef;
import dev.baml4j.lang.TypeAliasDef;
import dev.baml4j.types.BamlType;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Media ({@code image}, {@code audio}, {@code pdf}, {@code video}) can be given to a function but
 * never parsed out of an LLM's text, so no return type may contain one, directly or through the
 * classes and aliases it reaches.
 */
final class ReturnTypeCheck {

    private final List<Diagnostic> diagnostics;
    private final Map<String, ClassDef> classes;
    private final Map<String, TypeAliasDef> aliases;

    ReturnTypeCheck(List<Diagnostic> diagnostics, Map<String, ClassDef> classes, Map<String, TypeAliasDef> aliases) {
        this.diagnostics = diagnostics;
        this.classes = classes;
        this.aliases = aliases;
    }

    /** A type to visit and how it was reached ("field `Doc.scan`"), for the message. */
    private record Step(BamlType type, String via) {
    }

    void check(BamlType returnType, Ast.FunctionDecl f) {
        Deque<Step> work = new ArrayDeque<>();
        Set<String> visited = new HashSet<>();
        work.push(new Step(returnType, null));
        while (!work.isEmpty()) {
            Step s = work.pop();
            BamlType t = s.type();
            if (t instanceof BamlType.Media m) {
                diagnostics.add(Diagnostic.error(f.returnType().span(), "function `" + f.name() + "` returns `"
                        + m.kind().keyword() + "`" + (s.via() == null ? "" : " through " + s.via())
                        + ", but media can only be a parameter", "an LLM answers in text: return a string (a URL or"
                                + " a description) instead"));
                return;
            }
            if (t instanceof BamlType.ListOf l) {
                work.push(new Step(l.element(), s.via()));
            } else if (t instanceof BamlType.MapOf m) {
                work.push(new Step(m.value(), s.via()));
            } else if (t instanceof BamlType.Union u) {
                u.options().forEach(o -> work.push(new Step(o, s.via())));
            } else if (t instanceof BamlType.Optional o) {
                work.push(new Step(o.inner(), s.via()));
            } else if (t instanceof BamlType.Annotated a) {
                work.push(new Step(a.inner(), s.via()));
            } else if (t instanceof BamlType.AliasRef a && visited.add("alias " + a.name())) {
                TypeAliasDef def = aliases.get(a.name());
                if (def != null) {
                    work.push(new Step(def.type(), "alias `" + a.name() + "`"));
                }
            } else if (t instanceof BamlType.ClassRef c && visited.add("class " + c.name())) {
                ClassDef def = classes.get(c.name());
                if (def != null) {
                    for (FieldDef field : def.fields()) {
                        work.push(new Step(field.type(), "field `" + c.name() + "." + field.name() + "`"));
                    }
                }
            }
        }
    }
}
