package dev.baml4j.lang.internal;

import dev.baml4j.lang.ClassDef;
import dev.baml4j.lang.Diagnostic;
import dev.baml4j.lang.FieldDef;
import dev.baml4j.types.BamlType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A class that contains itself through required fields ({@code class C { a C }}) has no finite
 * value, so BAML rejects it. An optional, a list, a map or a union in between breaks the cycle.
 */
final class ClassCycles {

    private final List<Diagnostic> diagnostics;

    ClassCycles(List<Diagnostic> diagnostics) {
        this.diagnostics = diagnostics;
    }

    void check(Map<String, ClassDef> classes, Map<String, BamlType> aliasTypes) {
        Map<String, List<String>> edges = new HashMap<>();
        for (ClassDef c : classes.values()) {
            List<String> targets = new ArrayList<>();
            for (FieldDef f : c.fields()) {
                String target = requiredClass(f.type(), aliasTypes);
                if (target != null && classes.containsKey(target)) {
                    targets.add(target);
                }
            }
            edges.put(c.name(), targets);
        }
        Set<String> reported = new HashSet<>();
        for (ClassDef c : classes.values()) {
            if (reported.contains(c.name())) {
                continue;
            }
            List<String> cycle = cycleThrough(c.name(), edges);
            if (cycle != null) {
                reported.addAll(cycle);
                diagnostics.add(Diagnostic.error(c.span(), "class `" + c.name()
                        + "` contains itself through required fields: " + String.join(" -> ", cycle),
                        "make one of these fields optional (`T?`) or a list (`T[]`)"));
            }
        }
    }

    /** The class a field always holds (through aliases), or null when the type can be empty. */
    private static String requiredClass(BamlType type, Map<String, BamlType> aliasTypes) {
        BamlType t = type.unannotated();
        int guard = 0;
        while (t instanceof BamlType.AliasRef a && guard++ < 100) {
            BamlType target = aliasTypes.get(a.name());
            if (target == null) {
                return null;
            }
            t = target.unannotated();
        }
        return t instanceof BamlType.ClassRef c ? c.name() : null;
    }

    /** The path start -> ... -> start, or null; breadth first, so the shortest one. */
    private static List<String> cycleThrough(String start, Map<String, List<String>> edges) {
        Map<String, String> parent = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        queue.add(start);
        while (!queue.isEmpty()) {
            String node = queue.poll();
            for (String next : edges.getOrDefault(node, List.of())) {
                if (next.equals(start)) {
                    List<String> path = new ArrayList<>();
                    path.add(start);
                    for (String n = node; n != null && !n.equals(start); n = parent.get(n)) {
                        path.add(n);
                    }
                    path.add(start);
                    Collections.reverse(path);
                    return path;
                }
                if (!parent.containsKey(next) && !next.equals(start)) {
                    parent.put(next, node);
                    queue.add(next);
                }
            }
        }
        return null;
    }
}
