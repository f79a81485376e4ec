package dev.baml4j.prompt.internal;

import dev.baml4j.lang.BamlProject;
import dev.baml4j.lang.ClassDef;
import dev.baml4j.lang.FieldDef;
import dev.baml4j.lang.TypeAliasDef;
import dev.baml4j.types.BamlType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The named types an output format mentions, in the order BAML discovers them: a LIFO walk from
 * the return type (a class pushes its field types in declaration order, so hoisted blocks come
 * out in reverse field order), plus which classes and aliases are recursive.
 */
record OutputFormatTypes(BamlProject project, List<String> classes, List<String> enums, List<String> aliases) {

    /** Walks the types reachable from {@code target}, in BAML's LIFO order. */
    static OutputFormatTypes collect(BamlProject project, BamlType target) {
        List<String> classes = new ArrayList<>();
        List<String> enums = new ArrayList<>();
        List<String> aliases = new ArrayList<>();
        Deque<BamlType> stack = new ArrayDeque<>();
        Set<BamlType> seen = new HashSet<>();
        stack.push(target);
        while (!stack.isEmpty()) {
            BamlType t = stack.pop().unannotated();
            if (!seen.add(t)) {
                continue;
            }
            if (t instanceof BamlType.ClassRef c) {
                classes.add(c.name());
                ClassDef def = project.classes().get(c.name());
                if (def != null) {
                    for (FieldDef f : def.fields()) {
                        if (!f.hasAttribute("skip")) {
                            stack.push(f.type());
                        }
                    }
                }
            } else if (t instanceof BamlType.EnumRef e) {
                enums.add(e.name());
            } else if (t instanceof BamlType.ListOf l) {
                stack.push(l.element());
            } else if (t instanceof BamlType.MapOf m) {
                stack.push(m.key());
                stack.push(m.value());
            } else if (t instanceof BamlType.Union u) {
                u.options().forEach(stack::push);
            } else if (t instanceof BamlType.Optional o) {
                stack.push(o.inner());
            } else if (t instanceof BamlType.AliasRef a) {
                aliases.add(a.name());
                TypeAliasDef def = project.aliases().get(a.name());
                if (def != null) {
                    stack.push(def.type());
                }
            }
        }
        return new OutputFormatTypes(project, classes, enums, aliases);
    }

    /** Classes that can reach themselves through their fields (hoisted by BAML). */
    Set<String> recursiveClasses() {
        Set<String> out = new HashSet<>();
        for (String c : classes) {
            Set<String> visited = new HashSet<>();
            Deque<String> work = new ArrayDeque<>(referencedClasses(c));
            while (!work.isEmpty()) {
                String n = work.pop();
                if (n.equals(c)) {
                    out.add(c);
                    break;
                }
                if (visited.add(n)) {
                    work.addAll(referencedClasses(n));
                }
            }
        }
        return out;
    }

    private Set<String> referencedClasses(String className) {
        Set<String> out = new LinkedHashSet<>();
        ClassDef def = project.classes().get(className);
        if (def != null) {
            for (FieldDef f : def.fields()) {
                classesIn(f.type(), out, new HashSet<>());
            }
        }
        return out;
    }

    private void classesIn(BamlType t, Set<String> out, Set<String> aliasesSeen) {
        BamlType u = t.unannotated();
        if (u instanceof BamlType.ClassRef c) {
            out.add(c.name());
        } else if (u instanceof BamlType.ListOf l) {
            classesIn(l.element(), out, aliasesSeen);
        } else if (u instanceof BamlType.MapOf m) {
            classesIn(m.value(), out, aliasesSeen);
        } else if (u instanceof BamlType.Union un) {
            un.options().forEach(o -> classesIn(o, out, aliasesSeen));
        } else if (u instanceof BamlType.Optional o) {
            classesIn(o.inner(), out, aliasesSeen);
        } else if (u instanceof BamlType.AliasRef a && aliasesSeen.add(a.name())) {
            TypeAliasDef def = project.aliases().get(a.name());
            if (def != null) {
                classesIn(def.type(), out, aliasesSeen);
            }
        }
    }

    boolean isRecursiveAlias(String name) {
        TypeAliasDef def = project.aliases().get(name);
        return def != null && mentionsAlias(def.type(), name, new HashSet<>());
    }

    private boolean mentionsAlias(BamlType t, String name, Set<String> seen) {
        BamlType u = t.unannotated();
        if (u instanceof BamlType.AliasRef a) {
            if (a.name().equals(name)) {
                return true;
            }
            TypeAliasDef def = project.aliases().get(a.name());
            return seen.add(a.name()) && def != null && mentionsAlias(def.type(), name, seen);
        }
        if (u instanceof BamlType.ListOf l) {
            return mentionsAlias(l.element(), name, seen);
        }
        if (u instanceof BamlType.MapOf m) {
            return mentionsAlias(m.key(), name, seen) || mentionsAlias(m.value(), name, seen);
        }
        if (u instanceof BamlType.Union un) {
            return un.options().stream().anyMatch(o -> mentionsAlias(o, name, seen));
        }
        if (u instanceof BamlType.Optional o) {
            return mentionsAlias(o.inner(), name, seen);
        }
        return false;
    }
}
