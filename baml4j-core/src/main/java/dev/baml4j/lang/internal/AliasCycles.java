package dev.baml4j.lang.internal;

import dev.baml4j.lang.Diagnostic;
import dev.baml4j.types.BamlType;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A type alias may refer to itself only through a list or a map ({@code type J = J[] | string});
 * {@code type A = B}, {@code type B = A | int} has no finite value and is rejected.
 */
final class AliasCycles {

    private final java.util.List<Diagnostic> diagnostics;

    AliasCycles(java.util.List<Diagnostic> diagnostics) {
        this.diagnostics = diagnostics;
    }

    void check(Map<String, Ast.AliasDecl> decls, Map<String, BamlType> aliasTypes) {
        for (Ast.AliasDecl decl : decls.values()) {
            if (reachesItself(decl.name(), aliasTypes)) {
                diagnostics.add(Diagnostic.error(decl.nameSpan(), "type alias `" + decl.name()
                        + "` refers to itself without a list or map in between",
                        "a recursive alias needs a container, e.g. `type " + decl.name() + " = " + decl.name()
                                + "[] | string`"));
            }
        }
    }

    private static boolean reachesItself(String start, Map<String, BamlType> aliasTypes) {
        Deque<BamlType> work = new ArrayDeque<>();
        Set<String> visited = new HashSet<>();
        work.push(aliasTypes.get(start));
        while (!work.isEmpty()) {
            BamlType t = work.pop();
            if (t == null) {
                continue;
            }
            if (t instanceof BamlType.AliasRef a) {
                if (a.name().equals(start)) {
                    return true;
                }
                if (visited.add(a.name())) {
                    work.push(aliasTypes.get(a.name()));
                }
            } else if (t instanceof BamlType.Union u) {
                u.options().forEach(work::push);
            } else if (t instanceof BamlType.Optional o) {
                work.push(o.inner());
            } else if (t instanceof BamlType.Annotated an) {
                work.push(an.inner());
            }
        }
        return false;
    }
}
