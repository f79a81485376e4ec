package dev.baml4j.lang.internal;

import dev.baml4j.lang.Suggestions;
import dev.baml4j.lang.Diagnostic;
import dev.baml4j.types.BamlType;
import dev.baml4j.types.SourceSpan;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns type expressions into {@link BamlType}s: names become primitives, media, or references
 * to classes, enums and aliases; {@code T | null} becomes {@link BamlType.Optional} with null
 * last; unknown names are reported with the closest known name.
 */
final class TypeResolver {

    static final Map<String, BamlType> BUILTINS = Map.of(
            "string", BamlType.STRING, "int", BamlType.INT, "float", BamlType.FLOAT, "bool", BamlType.BOOL,
            "null", BamlType.NULL,
            "image", new BamlType.Media(BamlType.MediaKind.IMAGE),
            "audio", new BamlType.Media(BamlType.MediaKind.AUDIO),
            "pdf", new BamlType.Media(BamlType.MediaKind.PDF),
            "video", new BamlType.Media(BamlType.MediaKind.VIDEO));

    private final Set<String> classes;
    private final Set<String> enums;
    private final Set<String> aliases;
    private final List<Diagnostic> diagnostics;
    private final AttributeRules attributeRules;
    /** Map key types, checked once every alias is known. */
    final List<Map.Entry<BamlType, SourceSpan>> mapKeys = new ArrayList<>();

    TypeResolver(Set<String> classes, Set<String> enums, Set<String> aliases, List<Diagnostic> diagnostics,
            AttributeRules attributeRules) {
        this.classes = classes;
        this.enums = enums;
        this.aliases = aliases;
        this.diagnostics = diagnostics;
        this.attributeRules = attributeRules;
    }

    BamlType resolve(Ast.TypeExpr t) {
        if (t instanceof Ast.Named n) {
            return named(n);
        } else if (t instanceof Ast.Lit l) {
            return new BamlType.Literal(l.value());
        } else if (t instanceof Ast.ListT l) {
            return new BamlType.ListOf(resolve(l.element()));
        } else if (t instanceof Ast.MapT m) {
            BamlType key = resolve(m.key());
            mapKeys.add(Map.entry(key, m.key().span()));
            return new BamlType.MapOf(key, resolve(m.value()));
        } else if (t instanceof Ast.UnionT u) {
            List<BamlType> options = new ArrayList<>();
            for (Ast.TypeExpr o : u.options()) {
                options.add(resolve(o));
            }
            return union(options);
        } else if (t instanceof Ast.OptionalT o) {
            return union(List.of(resolve(o.inner()), BamlType.NULL));
        } else {
            Ast.Group g = (Ast.Group) t;
            BamlType inner = resolve(g.inner());
            if (g.attributes().isEmpty()) {
                return inner;
            }
            attributeRules.check(g.attributes(), AttributeRules.Target.TYPE, "a type");
            return new BamlType.Annotated(inner, g.attributes());
        }
    }

    private BamlType named(Ast.Named n) {
        BamlType builtin = BUILTINS.get(n.name());
        if (builtin != null) {
            return builtin;
        }
        if (classes.contains(n.name())) {
            return new BamlType.ClassRef(n.name());
        }
        if (enums.contains(n.name())) {
            return new BamlType.EnumRef(n.name());
        }
        if (aliases.contains(n.name())) {
            return new BamlType.AliasRef(n.name());
        }
        Set<String> known = new LinkedHashSet<>(BUILTINS.keySet());
        known.addAll(classes);
        known.addAll(enums);
        known.addAll(aliases);
        String suggestion = Suggestions.closest(n.name(), known);
        diagnostics.add(Diagnostic.error(n.span(), "unknown type `" + n.name() + "`",
                suggestion != null ? "did you mean `" + suggestion + "`?"
                        : "declare it with `class " + n.name() + " { ... }` or `enum " + n.name() + " { ... }`"));
        return BamlType.STRING;
    }

    /** Flattens nested unions, drops null into an outer {@link BamlType.Optional}, keeps order. */
    static BamlType union(List<BamlType> options) {
        List<BamlType> members = new ArrayList<>();
        boolean nullable = false;
        for (BamlType o : options) {
            if (o.equals(BamlType.NULL)) {
                nullable = true;
            } else if (o instanceof BamlType.Optional opt) {
                nullable = true;
                addFlattened(members, opt.inner());
            } else {
                addFlattened(members, o);
            }
        }
        BamlType core;
        if (members.isEmpty()) {
            return BamlType.NULL;
        } else if (members.size() == 1) {
            core = members.get(0);
        } else {
            core = new BamlType.Union(members);
        }
        return nullable ? new BamlType.Optional(core) : core;
    }

    private static void addFlattened(List<BamlType> members, BamlType t) {
        if (t instanceof BamlType.Union u) {
            members.addAll(u.options());
        } else {
            members.add(t);
        }
    }

    /**
     * Map keys must be string-like: {@code string}, an enum, a string literal or a union of those.
     * BAML 0.226 rejects an alias here even when it stands for {@code string}.
     */
    void checkMapKeys() {
        for (Map.Entry<BamlType, SourceSpan> e : mapKeys) {
            if (!isValidKey(e.getKey())) {
                diagnostics.add(Diagnostic.error(e.getValue(), "a map key cannot be `" + e.getKey().toBaml() + "`",
                        "map keys are `string`, an enum, or string literals: write `map<string, ...>`"));
            }
        }
    }

    private static boolean isValidKey(BamlType key) {
        BamlType t = key.unannotated();
        if (t.equals(BamlType.STRING) || t instanceof BamlType.EnumRef) {
            return true;
        }
        if (t instanceof BamlType.Literal l) {
            return l.value() instanceof String;
        }
        if (t instanceof BamlType.Union u) {
            return u.options().stream().allMatch(TypeResolver::isValidKey);
        }
        return false;
    }
}
