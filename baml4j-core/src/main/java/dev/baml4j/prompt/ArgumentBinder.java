package dev.baml4j.prompt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baml4j.BamlInvalidArgumentException;
import dev.baml4j.lang.BamlProject;
import dev.baml4j.lang.ClassDef;
import dev.baml4j.lang.EnumDef;
import dev.baml4j.lang.FieldDef;
import dev.baml4j.lang.FunctionDef;
import dev.baml4j.lang.ParamDef;
import dev.baml4j.types.BamlType;
import dev.baml4j.types.BamlValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks and converts call arguments to {@link BamlValue}s by parameter type, before anything is
 * rendered or sent. Accepts JSON-like Java values (String, Number, Boolean, null, List, arrays,
 * Map), Jackson {@link JsonNode}s, records and POJOs (through Jackson), and BamlValues. Classes
 * come as maps keyed by field name (unknown keys are dropped unless the class is
 * {@code @@dynamic}), enums by value name, media as {@code {url}}, {@code {base64, media_type}}
 * or {@code {file}}.
 *
 * <pre>{@code
 * Map<String, BamlValue> args = ArgumentBinder.bind(project, fn, Map.of("text", "hello"));
 * }</pre>
 */
public final class ArgumentBinder {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ArgumentBinder() {
    }

    /**
     * Binds every parameter; an omitted optional parameter stays out of the result (templates see
     * it as undefined, as in BAML), an explicit null becomes {@link BamlValue#nullValue()}.
     *
     * @throws BamlInvalidArgumentException for a missing or wrongly typed argument
     */
    public static Map<String, BamlValue> bind(BamlProject project, FunctionDef fn, Map<String, ?> args) {
        Map<String, BamlValue> out = new LinkedHashMap<>();
        for (ParamDef p : fn.params()) {
            boolean present = args != null && args.containsKey(p.name());
            if (!present) {
                if (isOptional(project, p.type())) {
                    // left out, not null: BAML's templates see an omitted optional argument as undefined
                    continue;
                }
                throw new BamlInvalidArgumentException("Function " + fn.name() + ": missing argument '" + p.name()
                        + "' of type " + p.type().toBaml() + "; pass it in the arguments map");
            }
            Converter c = new Converter(project, fn.name(), p.name());
            out.put(p.name(), c.convert(args.get(p.name()), p.type(), p.name()));
        }
        return out;
    }

    private static boolean isOptional(BamlProject project, BamlType type) {
        BamlType t = project.resolveAlias(type.unannotated()).unannotated();
        return t instanceof BamlType.Optional
                || (t instanceof BamlType.Primitive p && p.kind() == BamlType.PrimitiveKind.NULL);
    }

    /** Thrown inside a union attempt; turned into the caller-facing exception at the top. */
    private static final class Mismatch extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Mismatch(String message) {
            super(message, null, false, false);
        }
    }

    private static final class Converter {
        private final BamlProject project;
        private final String function;
        private final String param;

        Converter(BamlProject project, String function, String param) {
            this.project = project;
            this.function = function;
            this.param = param;
        }

        BamlValue convert(Object raw, BamlType type, String path) {
            try {
                return value(normalize(raw), type, path, 0);
            } catch (Mismatch m) {
                throw new BamlInvalidArgumentException("Function " + function + ": argument '" + param
                        + "' " + m.getMessage());
            }
        }

        private BamlValue value(Object v, BamlType type, String path, int depth) {
            if (depth > 200) {
                throw new Mismatch("is nested too deeply at " + path);
            }
            BamlType t = type.unannotated();
            if (v instanceof BamlValue.MediaValue m) {
                if (t instanceof BamlType.Media mt && mt.kind() == m.kind()) {
                    return m;
                }
                if (!(t instanceof BamlType.Optional) && !(t instanceof BamlType.Union) && !(t instanceof BamlType.AliasRef)) {
                    throw mismatch(t, m.kind().keyword(), path);
                }
            }
            if (t instanceof BamlType.AliasRef a) {
                BamlType target = project.aliases().containsKey(a.name()) ? project.aliases().get(a.name()).type() : null;
                if (target == null) {
                    throw new Mismatch("has unknown type " + a.name());
                }
                return value(v, target, path, depth + 1);
            }
            if (t instanceof BamlType.Optional o) {
                return v == null || (v instanceof BamlValue bv && bv.isNull()) ? BamlValue.nullValue()
                        : value(v, o.inner(), path, depth + 1);
            }
            if (t instanceof BamlType.Union u) {
                for (BamlType option : u.options()) {
                    try {
                        return value(v, option, path, depth + 1);
                    } catch (Mismatch m) {
                        // try the next variant; the error below names the whole union
                    }
                }
                throw mismatch(t, v, path);
            }
            if (t instanceof BamlType.Primitive p) {
                return primitive(v, p, path);
            }
            if (t instanceof BamlType.Literal l) {
                Object lit = l.value();
                boolean ok = (lit instanceof String s && s.equals(v))
                        || (lit instanceof Long n && isIntegral(v) && ((Number) v).longValue() == n)
                        || (lit instanceof Boolean b && b.equals(v));
                if (!ok) {
                    throw mismatch(t, v, path);
                }
                return lit instanceof String s ? BamlValue.of(s) : lit instanceof Long n ? BamlValue.of(n) : BamlValue.of((Boolean) lit);
            }
            if (t instanceof BamlType.EnumRef e) {
                EnumDef def = project.enums().get(e.name());
                if (!(v instanceof String s) || def == null || def.value(s).isEmpty()) {
                    throw mismatch(t, v, path);
                }
                return new BamlValue.EnumValue(e.name(), s);
            }
            if (t instanceof BamlType.ClassRef c) {
                return classValue(v, c, path, depth);
            }
            if (t instanceof BamlType.ListOf l) {
                if (!(v instanceof List<?> list)) {
                    throw mismatch(t, v, path);
                }
                List<BamlValue> items = new ArrayList<>(list.size());
                for (int i = 0; i < list.size(); i++) {
                    items.add(value(list.get(i), l.element(), path + "[" + i + "]", depth + 1));
                }
                return new BamlValue.ListValue(items);
            }
            if (t instanceof BamlType.MapOf m) {
                if (!(v instanceof Map<?, ?> map)) {
                    throw mismatch(t, v, path);
                }
                Map<String, BamlValue> entries = new LinkedHashMap<>();
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    String key = String.valueOf(e.getKey());
                    entries.put(key, value(e.getValue(), m.value(), path + "[\"" + key + "\"]", depth + 1));
                }
                return new BamlValue.MapValue(entries);
            }
            if (t instanceof BamlType.Media m) {
                return media(v, m, path);
            }
            throw mismatch(t, v, path);
        }

        private BamlValue primitive(Object v, BamlType.Primitive p, String path) {
            switch (p.kind()) {
                case STRING:
                    if (v instanceof String s) {
                        return BamlValue.of(s);
                    }
                    break;
                case INT:
                    if (isIntegral(v)) {
                        return BamlValue.of(((Number) v).longValue());
                    }
                    break;
                case FLOAT:
                    if (v instanceof Number n) {
                        return BamlValue.of(n.doubleValue());
                    }
                    break;
                case BOOL:
                    if (v instanceof Boolean b) {
                        return BamlValue.of(b);
                    }
                    break;
                case NULL:
                    if (v == null) {
                        return BamlValue.nullValue();
                    }
                    break;
                default:
                    break;
            }
            throw mismatch(p, v, path);
        }

        private BamlValue classValue(Object v, BamlType.ClassRef c, String path, int depth) {
            ClassDef def = project.classes().get(c.name());
            if (!(v instanceof Map<?, ?> map) || def == null) {
                throw mismatch(c, v, path);
            }
            Map<String, BamlValue> fields = new LinkedHashMap<>();
            for (FieldDef f : def.fields()) {
                if (!map.containsKey(f.name())) {
                    if (isOptional(project, f.type())) {
                        continue;
                    }
                    throw new Mismatch("is missing the required field '" + f.name() + "' of class " + c.name()
                            + " at " + path);
                }
                fields.put(f.name(), value(map.get(f.name()), f.type(), path + "." + f.name(), depth + 1));
            }
            if (def.isDynamic()) {
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    String key = String.valueOf(e.getKey());
                    if (!fields.containsKey(key) && def.field(key).isEmpty()) {
                        fields.put(key, loose(e.getValue()));
                    }
                }
            }
            return new BamlValue.ClassValue(c.name(), fields);
        }

        private BamlValue media(Object v, BamlType.Media m, String path) {
            if (v instanceof Map<?, ?> map) {
                Object mediaType = map.get("media_type");
                String mt = mediaType instanceof String s ? s : null;
                if (map.get("url") instanceof String url) {
                    return new BamlValue.MediaValue(m.kind(), BamlValue.MediaValue.MediaSource.URL, url, mt);
                }
                if (map.get("base64") instanceof String b64) {
                    return new BamlValue.MediaValue(m.kind(), BamlValue.MediaValue.MediaSource.BASE64, b64, mt);
                }
                if (map.get("file") instanceof String file) {
                    return new BamlValue.MediaValue(m.kind(), BamlValue.MediaValue.MediaSource.FILE, file, mt);
                }
            }
            throw new Mismatch("expects " + m.kind().keyword() + " as {url}, {base64, media_type} or {file}, got "
                    + describe(v) + " at " + path);
        }

        /** Extra fields of a dynamic class, typed by what they look like. */
        private BamlValue loose(Object v) {
            if (v == null) {
                return BamlValue.nullValue();
            }
            if (v instanceof String s) {
                return BamlValue.of(s);
            }
            if (v instanceof Boolean b) {
                return BamlValue.of(b);
            }
            if (isIntegral(v)) {
                return BamlValue.of(((Number) v).longValue());
            }
            if (v instanceof Number n) {
                return BamlValue.of(n.doubleValue());
            }
            if (v instanceof List<?> l) {
                return new BamlValue.ListValue(l.stream().map(this::loose).toList());
            }
            if (v instanceof Map<?, ?> m) {
                Map<String, BamlValue> entries = new LinkedHashMap<>();
                m.forEach((k, val) -> entries.put(String.valueOf(k), loose(val)));
                return new BamlValue.MapValue(entries);
            }
            return BamlValue.of(v.toString());
        }

        private static Mismatch mismatch(BamlType expected, Object got, String path) {
            return new Mismatch("expects " + expected.toBaml() + ", got " + describe(got) + " at " + path);
        }
    }

    private static boolean isIntegral(Object v) {
        return v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte
                || (v instanceof BigInteger b && b.bitLength() < 64);
    }

    private static String describe(Object v) {
        if (v == null) {
            return "null";
        }
        String text = v instanceof String s ? "\"" + s + "\"" : String.valueOf(v);
        if (text.length() > 60) {
            text = text.substring(0, 57) + "...";
        }
        String kind = v instanceof String ? "string" : v instanceof Boolean ? "bool" : isIntegral(v) ? "int"
                : v instanceof Number ? "float" : v instanceof List ? "list" : v instanceof Map ? "object"
                : v.getClass().getSimpleName();
        return kind + " " + text;
    }

    /** Brings any accepted input into String/Long/Double/Boolean/null/List/Map (or BamlValue) form. */
    private static Object normalize(Object v) {
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof BamlValue.MediaValue) {
            return v;
        }
        if (v instanceof BamlValue.CheckedValue c) {
            return normalize(c.value());
        }
        if (v instanceof BamlValue.StreamStateValue s) {
            return normalize(s.value());
        }
        if (v instanceof BamlValue.ListValue l) {
            return normalize(l.items());
        }
        if (v instanceof BamlValue.MapValue m) {
            return normalize(m.entries());
        }
        if (v instanceof BamlValue.ClassValue c) {
            return normalize(c.fields());
        }
        if (v instanceof BamlValue bv) {
            // scalars and enums (by value name): checked against the parameter type like plain values
            return fromJson(bv.toJson());
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof BigInteger b) {
            return b.bitLength() < 64 ? (Object) b.longValue() : b.doubleValue();
        }
        if (v instanceof BigDecimal d) {
            return d.doubleValue();
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof Character c) {
            return c.toString();
        }
        if (v instanceof Enum<?> e) {
            return e.name();
        }
        if (v instanceof JsonNode n) {
            return fromJson(n);
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, val) -> out.put(String.valueOf(k), normalize(val)));
            return out;
        }
        if (v instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>(c.size());
            c.forEach(item -> out.add(normalize(item)));
            return out;
        }
        if (v.getClass().isArray()) {
            List<Object> out = new ArrayList<>();
            int n = java.lang.reflect.Array.getLength(v);
            for (int i = 0; i < n; i++) {
                out.add(normalize(java.lang.reflect.Array.get(v, i)));
            }
            return out;
        }
        return fromJson(MAPPER.valueToTree(v));
    }

    private static Object fromJson(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return null;
        }
        if (n.isTextual()) {
            return n.textValue();
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        if (n.isIntegralNumber()) {
            return n.canConvertToLong() ? (Object) n.longValue() : n.doubleValue();
        }
        if (n.isNumber()) {
            return n.doubleValue();
        }
        if (n.isArray()) {
            List<Object> out = new ArrayList<>(n.size());
            n.forEach(item -> out.add(fromJson(item)));
            return out;
        }
        if (n.isObject()) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                out.put(e.getKey(), fromJson(e.getValue()));
            }
            return out;
        }
        return n.asText();
    }
}
