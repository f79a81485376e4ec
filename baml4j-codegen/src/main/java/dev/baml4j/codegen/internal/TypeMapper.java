package dev.baml4j.codegen.internal;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.baml4j.codegen.internal.UnionSpec.JsonKind;
import dev.baml4j.lang.BamlProject;
import dev.baml4j.lang.FieldDef;
import dev.baml4j.lang.TypeAliasDef;
import dev.baml4j.types.Attribute;
import dev.baml4j.types.BamlType;
import dev.baml4j.types.BamlValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BAML types → Java types. The mapping (documented in the module's README):
 * {@code string}/{@code int}/{@code float}/{@code bool} → {@code String}/{@code long}/{@code double}/{@code boolean}
 * (boxed where null is possible or inside generics), literals → the type of their value,
 * {@code T[]} → {@code List<T>}, {@code map<K, V>} → {@code Map<K, V>}, {@code T?} → nullable T,
 * media → {@link BamlValue.MediaValue}, aliases → their target, unions → the one Java type when
 * every option maps to it, else a sealed interface ({@link UnionSpec}).
 */
public final class TypeMapper {

    /** Final types, or the partial types a stream yields. */
    public enum Mode { FINAL, PARTIAL }

    private static final ClassName STRING = ClassName.get(String.class);
    private static final ClassName LONG = ClassName.get(Long.class);
    private static final ClassName DOUBLE = ClassName.get(Double.class);
    private static final ClassName BOOLEAN = ClassName.get(Boolean.class);
    private static final ClassName OBJECT = ClassName.get(Object.class);
    private static final ClassName LIST = ClassName.get(List.class);
    private static final ClassName MAP = ClassName.get(Map.class);
    private static final ClassName JSON_NODE = ClassName.get("com.fasterxml.jackson.databind", "JsonNode");
    private static final ClassName MEDIA = ClassName.get(BamlValue.MediaValue.class);

    private final BamlProject project;
    private final JavaModel model;
    private final Map<String, ClassName> unionNames = new LinkedHashMap<>();
    private final Map<String, UnionSpec> unions = new LinkedHashMap<>();
    private final Map<ClassName, Set<ClassName>> interfaces = new LinkedHashMap<>();
    private final Set<String> expandingAliases = new HashSet<>();
    private boolean usesChecked;
    private boolean usesStreamState;

    public TypeMapper(BamlProject project, JavaModel model) {
        this.project = project;
        this.model = model;
    }

    /** The Java type of a value of {@code type}, boxed (for generics and nullable positions). */
    public TypeName boxed(BamlType type, Mode mode) {
        if (mode == Mode.PARTIAL && !partialDiffers(type, new HashSet<>())) {
            mode = Mode.FINAL;
        }
        if (type instanceof BamlType.Primitive p) {
            switch (p.kind()) {
                case STRING: return STRING;
                case INT: return LONG;
                case FLOAT: return DOUBLE;
                case BOOL: return BOOLEAN;
                default: return OBJECT;
            }
        } else if (type instanceof BamlType.Media) {
            return MEDIA;
        } else if (type instanceof BamlType.Literal l) {
            return l.value() instanceof String ? STRING : l.value() instanceof Long ? LONG : BOOLEAN;
        } else if (type instanceof BamlType.ClassRef c) {
            return mode == Mode.PARTIAL ? model.partialClassType(c.name()) : model.classType(c.name());
        } else if (type instanceof BamlType.EnumRef e) {
            return model.enumType(e.name());
        } else if (type instanceof BamlType.AliasRef a) {
            return alias(a.name(), mode);
        } else if (type instanceof BamlType.ListOf l) {
            return ParameterizedTypeName.get(LIST, boxed(l.element(), mode));
        } else if (type instanceof BamlType.MapOf m) {
            return ParameterizedTypeName.get(MAP, mapKey(m.key()), boxed(m.value(), mode));
        } else if (type instanceof BamlType.Optional o) {
            return boxed(o.inner(), mode);
        } else if (type instanceof BamlType.Union u) {
            return union(u.options(), null, mode);
        } else {
            BamlType.Annotated a = (BamlType.Annotated) type;
            // A @stream.done type streams only complete values, so its partial form is its final form.
            Mode inner = mode == Mode.PARTIAL && has(a.attributes(), "stream.done") ? Mode.FINAL : mode;
            return annotated(boxed(a.inner(), inner), a.attributes(), mode);
        }
    }

    /**
     * The type of a record component or parameter: primitives stay unboxed when the value is
     * required (so {@code int} is {@code long}), and field attributes ({@code @check},
     * {@code @stream.done}, {@code @stream.with_state}) apply.
     */
    public TypeName field(BamlType type, List<Attribute> attributes, Mode mode) {
        boolean done = mode == Mode.PARTIAL && has(attributes, "stream.done");
        TypeName t = annotated(boxed(type, done ? Mode.FINAL : mode), attributes, mode);
        if (mode == Mode.FINAL && t.isBoxedPrimitive() && !(type.unannotated() instanceof BamlType.Optional)
                && !isNullable(type)) {
            return t.unbox();
        }
        return t;
    }

    /** Whether a partial record component of this field is a list or map that is never null. */
    public boolean isNonNullCollectionInPartial(FieldDef field) {
        if (has(field.attributes(), "stream.done") || has(field.attributes(), "stream.with_state")
                || has(field.attributes(), "check") || field.type() instanceof BamlType.Annotated) {
            return false;
        }
        BamlType t = project.resolveAlias(field.type());
        return t instanceof BamlType.ListOf || t instanceof BamlType.MapOf;
    }

    public List<UnionSpec> unions() {
        return List.copyOf(unions.values());
    }

    /** The sealed interfaces a generated record must implement. */
    public Set<ClassName> interfacesOf(ClassName record) {
        return interfaces.getOrDefault(record, Set.of());
    }

    public boolean usesChecked() {
        return usesChecked;
    }

    public boolean usesStreamState() {
        return usesStreamState;
    }

    private TypeName annotated(TypeName inner, List<Attribute> attributes, Mode mode) {
        TypeName t = inner;
        if (has(attributes, "check")) {
            usesChecked = true;
            t = ParameterizedTypeName.get(model.checked(), t);
        }
        if (mode == Mode.PARTIAL && has(attributes, "stream.with_state")) {
            usesStreamState = true;
            t = ParameterizedTypeName.get(model.streamState(), t);
        }
        return t;
    }

    private TypeName alias(String name, Mode mode) {
        TypeAliasDef def = project.aliases().get(name);
        BamlType target = def.type().unannotated();
        BamlType inner = target instanceof BamlType.Optional o ? o.inner().unannotated() : target;
        if (inner instanceof BamlType.Union u) {
            return union(u.options(), name, mode);
        }
        if (!expandingAliases.add(name)) {
            // Recursive through lists or maps only, with no union to name it: JSON is the honest type.
            return JSON_NODE;
        }
        try {
            return boxed(def.type(), mode);
        } finally {
            expandingAliases.remove(name);
        }
    }

    private TypeName mapKey(BamlType key) {
        BamlType k = project.resolveAlias(key.unannotated());
        return k instanceof BamlType.EnumRef e ? model.enumType(e.name()) : STRING;
    }

    private TypeName union(List<BamlType> options, String aliasName, Mode mode) {
        List<BamlType> flat = new ArrayList<>();
        flatten(options, flat, new HashSet<>());
        String text = flat.stream().map(BamlType::toBaml).reduce((a, b) -> a + " | " + b).orElse("");
        String key = mode + ":" + (aliasName != null ? "alias " + aliasName : text);
        ClassName existing = unionNames.get(key);
        if (existing != null) {
            return existing;
        }
        String base = aliasName != null ? JavaNames.type(aliasName) : derivedName(flat);
        ClassName name = null;
        if (aliasName != null) {
            // An alias may refer to itself (JSON-like values): name it before mapping its options.
            name = model.allocate(mode == Mode.PARTIAL ? "Partial" + base : base);
            unionNames.put(key, name);
        }
        Map<TypeName, BamlType> distinct = new LinkedHashMap<>();
        for (BamlType option : flat) {
            TypeName t = boxed(option, mode);
            distinct.putIfAbsent(t, option);
        }
        if (distinct.size() == 1) {
            unionNames.remove(key);
            return distinct.keySet().iterator().next();
        }
        if (name == null) {
            name = model.allocate(mode == Mode.PARTIAL ? "Partial" + base : base);
            unionNames.put(key, name);
        }
        List<UnionSpec.Case> cases = new ArrayList<>();
        Set<String> caseNames = new HashSet<>();
        for (Map.Entry<TypeName, BamlType> e : distinct.entrySet()) {
            cases.add(unionCase(e.getValue(), e.getKey(), name, caseNames));
        }
        unions.put(key, new UnionSpec(name, aliasName != null ? aliasName : text, cases));
        return name;
    }

    private UnionSpec.Case unionCase(BamlType option, TypeName javaType, ClassName union, Set<String> caseNames) {
        BamlType t = option instanceof BamlType.Annotated ? option : project.resolveAlias(option);
        if (t instanceof BamlType.ClassRef c && javaType instanceof ClassName record) {
            interfaces.computeIfAbsent(record, r -> new LinkedHashSet<>()).add(union);
            Set<String> fields = new LinkedHashSet<>();
            for (FieldDef f : project.classes().get(c.name()).fields()) {
                fields.add(f.name());
            }
            return new UnionSpec.ClassCase(record, fields);
        }
        String wanted = caseName(t);
        String simple = wanted;
        for (int i = 2; !caseNames.add(simple) || simple.equals(union.simpleName()); i++) {
            simple = wanted + i;
        }
        BamlType u = t.unannotated();
        ClassName enumType = u instanceof BamlType.EnumRef e ? model.enumType(e.name()) : null;
        JsonKind elementKind = u instanceof BamlType.ListOf l ? kind(project.resolveAlias(l.element())) : null;
        return new UnionSpec.ValueCase(simple, javaType, kind(t), enumType, elementKind);
    }

    /** Options of nested unions and of aliases to unions, in order; {@code null} options dropped. */
    private void flatten(List<BamlType> options, List<BamlType> out, Set<String> seenAliases) {
        for (BamlType option : options) {
            BamlType o = option;
            if (o instanceof BamlType.AliasRef a && seenAliases.add(a.name())) {
                BamlType target = project.aliases().get(a.name()).type();
                BamlType inner = target instanceof BamlType.Optional opt ? opt.inner() : target;
                if (inner instanceof BamlType.Union) {
                    o = inner;
                }
            }
            if (o instanceof BamlType.Optional opt) {
                o = opt.inner();
            }
            if (o instanceof BamlType.Union u) {
                flatten(u.options(), out, seenAliases);
            } else if (!o.equals(BamlType.NULL)) {
                out.add(o);
            }
        }
    }

    private JsonKind kind(BamlType type) {
        BamlType t = project.resolveAlias(type.unannotated());
        if (type instanceof BamlType.Annotated a && has(a.attributes(), "check")) {
            return JsonKind.OBJECT;
        }
        if (t instanceof BamlType.Primitive p) {
            switch (p.kind()) {
                case INT: return JsonKind.INTEGER;
                case FLOAT: return JsonKind.FLOAT;
                case BOOL: return JsonKind.BOOLEAN;
                default: return JsonKind.STRING;
            }
        } else if (t instanceof BamlType.Literal l) {
            return l.value() instanceof String ? JsonKind.STRING
                    : l.value() instanceof Long ? JsonKind.INTEGER : JsonKind.BOOLEAN;
        } else if (t instanceof BamlType.EnumRef) {
            return JsonKind.STRING;
        } else if (t instanceof BamlType.ListOf) {
            return JsonKind.ARRAY;
        } else {
            return JsonKind.OBJECT;
        }
    }

    /** The nested record's name for a non-class option: {@code StringValue}, {@code IntList}. */
    private String caseName(BamlType type) {
        BamlType t = project.resolveAlias(type.unannotated());
        if (t instanceof BamlType.ListOf l) {
            return part(l.element()) + "List";
        } else if (t instanceof BamlType.MapOf m) {
            return part(m.value()) + "Map";
        } else if (t instanceof BamlType.Literal l) {
            return l.value() instanceof String ? "StringValue" : l.value() instanceof Long ? "IntValue" : "BoolValue";
        }
        return part(t) + "Value";
    }

    /** {@code Cat | Dog} → {@code CatOrDog}. */
    private String derivedName(List<BamlType> options) {
        List<String> parts = new ArrayList<>();
        for (BamlType o : options) {
            parts.add(part(o));
        }
        return String.join("Or", parts);
    }

    private String part(BamlType type) {
        BamlType t = type.unannotated();
        if (t instanceof BamlType.Primitive p) {
            return JavaNames.pascal(p.kind().keyword());
        } else if (t instanceof BamlType.Media m) {
            return JavaNames.pascal(m.kind().keyword());
        } else if (t instanceof BamlType.Literal l) {
            String s = String.valueOf(l.value());
            return l.value() instanceof Long ? "N" + s.replace('-', 'M') : JavaNames.pascal(s.isBlank() ? "literal" : s);
        } else if (t instanceof BamlType.ClassRef c) {
            return model.classType(c.name()).simpleName();
        } else if (t instanceof BamlType.EnumRef e) {
            return model.enumType(e.name()).simpleName();
        } else if (t instanceof BamlType.AliasRef a) {
            return JavaNames.type(a.name());
        } else if (t instanceof BamlType.ListOf l) {
            return part(l.element()) + "List";
        } else if (t instanceof BamlType.MapOf m) {
            return part(m.value()) + "Map";
        } else if (t instanceof BamlType.Optional o) {
            return part(o.inner());
        } else {
            List<String> parts = new ArrayList<>();
            for (BamlType o : ((BamlType.Union) t).options()) {
                parts.add(part(o));
            }
            return String.join("Or", parts);
        }
    }

    /** Whether the partial form of a type differs from its final form. */
    private boolean partialDiffers(BamlType type, Set<String> seenAliases) {
        if (type instanceof BamlType.ClassRef c) {
            return model.hasPartialRecord(c.name());
        } else if (type instanceof BamlType.ListOf l) {
            return partialDiffers(l.element(), seenAliases);
        } else if (type instanceof BamlType.MapOf m) {
            return partialDiffers(m.value(), seenAliases);
        } else if (type instanceof BamlType.Optional o) {
            return partialDiffers(o.inner(), seenAliases);
        } else if (type instanceof BamlType.Union u) {
            return u.options().stream().anyMatch(o -> partialDiffers(o, seenAliases));
        } else if (type instanceof BamlType.AliasRef a) {
            return seenAliases.add(a.name()) && partialDiffers(project.aliases().get(a.name()).type(), seenAliases);
        } else if (type instanceof BamlType.Annotated a) {
            return has(a.attributes(), "stream.with_state") || has(a.attributes(), "stream.done")
                    || partialDiffers(a.inner(), seenAliases);
        }
        return false;
    }

    private boolean isNullable(BamlType type) {
        BamlType t = project.resolveAlias(type.unannotated());
        return t instanceof BamlType.Optional || t.equals(BamlType.NULL);
    }

    static boolean has(List<Attribute> attributes, String name) {
        for (Attribute a : attributes) {
            if (a.name().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
