package dev.baml4j.lang.internal;

import dev.baml4j.lang.ClassDef;
import dev.baml4j.lang.Diagnostic;
import dev.baml4j.lang.FieldDef;
import dev.baml4j.lang.TypeAliasDef;
import dev.baml4j.types.BamlType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Media ({@code image}, {@code audio}, {@code pdf}, {@code video}) can be given to a function but
 * never parsed out of an LLM's text, so no return type may contain one, directly or through the
 * classes and aliases it reaches. Which classes and aliases carry media is worked out once per
 * project (linear in its size), not once per function.
 */
final class ReturnTypeCheck {

    private final List<Diagnostic> diagnostics;
    /** "class X" / "alias Y" → how it reaches media ("field `X.scan`"), for every one that does. */
    private final Map<String, String> carriesMedia = new HashMap<>();

    ReturnTypeCheck(List<Diagnostic> diagnostics, Map<String, ClassDef> classes, Map<String, TypeAliasDef> aliases) {
        this.diagnostics = diagnostics;
        Map<String, List<String>> usedBy = new HashMap<>();
        Map<String, String> via = new HashMap<>();
        Deque<String> work = new ArrayDeque<>();
        for (ClassDef c : classes.values()) {
            for (FieldDef f : c.fields()) {
                String where = "field `" + c.name() + "." + f.name() + "`";
                visitShallow(f.type(), ref -> usedBy.computeIfAbsent(ref, k -> new ArrayList<>()).add("class " + c.name()),
                        () -> seed("class " + c.name(), where, via, work));
            }
        }
        for (TypeAliasDef a : aliases.values()) {
            visitShallow(a.type(), ref -> usedBy.computeIfAbsent(ref, k -> new ArrayList<>()).add("alias " + a.name()),
                    () -> seed("alias " + a.name(), "alias `" + a.name() + "`", via, work));
        }
        while (!work.isEmpty()) {
            String node = work.poll();
            carriesMedia.put(node, via.get(node));
            for (String user : usedBy.getOrDefault(node, List.of())) {
                if (!via.containsKey(user)) {
                    via.put(user, via.get(node));
                    work.add(user);
                }
            }
        }
    }

    private static void seed(String node, String where, Map<String, String> via, Deque<String> work) {
        if (!via.containsKey(node)) {
            via.put(node, where);
            work.add(node);
        }
    }

    /**
     * Walks a type without entering classes or aliases: reports each class/alias it names, and
     * runs {@code onMedia} if media stands in the type itself.
     */
    private static void visitShallow(BamlType type, Consumer<String> onRef, Runnable onMedia) {
        Deque<BamlType> work = new ArrayDeque<>();
        work.push(type);
        while (!work.isEmpty()) {
            BamlType t = work.pop();
            if (t instanceof BamlType.Media) {
                onMedia.run();
            } else if (t instanceof BamlType.ListOf l) {
                work.push(l.element());
            } else if (t instanceof BamlType.MapOf m) {
                work.push(m.value());
            } else if (t instanceof BamlType.Union u) {
                u.options().forEach(work::push);
            } else if (t instanceof BamlType.Optional o) {
                work.push(o.inner());
            } else if (t instanceof BamlType.Annotated a) {
                work.push(a.inner());
            } else if (t instanceof BamlType.AliasRef a) {
                onRef.accept("alias " + a.name());
            } else if (t instanceof BamlType.ClassRef c) {
                onRef.accept("class " + c.name());
            }
        }
    }

    void check(BamlType returnType, Ast.FunctionDecl f) {
        String[] found = new String[1];
        visitShallow(returnType, ref -> {
            if (found[0] == null && carriesMedia.containsKey(ref)) {
                found[0] = " through " + carriesMedia.get(ref);
            }
        }, () -> found[0] = found[0] == null ? "" : found[0]);
        if (found[0] != null) {
            diagnostics.add(Diagnostic.error(f.returnType().span(), "function `" + f.name()
                    + "` returns media" + found[0] + ", but media can only be a parameter",
                    "an LLM answers in text: return a string (a URL or a description) instead"));
        }
    }
}
