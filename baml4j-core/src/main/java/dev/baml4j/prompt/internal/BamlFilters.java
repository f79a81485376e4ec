package dev.baml4j.prompt.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;
import dev.baml4j.prompt.internal.JinjaValues.ClassView;
import dev.baml4j.prompt.internal.JinjaValues.EnumView;
import dev.baml4j.prompt.internal.JinjaValues.MediaView;
import dev.baml4j.prompt.internal.JinjaValues.Undefined;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Filters whose BAML behaviour differs from Jinjava's ({@code round}, {@code default},
 * {@code tojson}) and BAML's own ({@code format}, {@code regex_match}).
 */
public final class BamlFilters {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private BamlFilters() {
    }

    public static List<Filter> all() {
        return List.of(new Round(), new Default(), new ToJson(), new Format(), new RegexMatch(),
                new Extreme("max", 1), new Extreme("min", -1), new Sum(), new Length("length"), new Length("count"));
    }

    /** A filter that reads its arguments as values rather than strings. */
    private abstract static class ValueFilter implements Filter {
        @Override
        public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
            return filter(var, interpreter, (Object[]) args, Map.of());
        }

        @Override
        public abstract Object filter(Object var, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs);
    }

    /** minijinja's round: half away from zero, always a float ({@code 2.675|round} is {@code 3.0}). */
    static final class Round extends ValueFilter {
        @Override
        public String getName() {
            return "round";
        }

        @Override
        public Object filter(Object var, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
            double x = toDouble(var, "round");
            Object p = args.length > 0 ? args[0] : kwargs.get("precision");
            int precision = p == null ? 0 : (int) toDouble(p, "round precision");
            Object m = args.length > 1 ? args[1] : kwargs.get("method");
            String method = m == null ? "common" : m.toString();
            double scale = Math.pow(10, precision);
            double scaled = x * scale;
            double r = switch (method) {
                case "floor" -> Math.floor(scaled);
                case "ceil" -> Math.ceil(scaled);
                default -> Math.signum(scaled) * Math.floor(Math.abs(scaled) + 0.5);
            };
            return r / scale;
        }
    }

    /** {@code default(x)}: replaces only an undefined value, not null (BAML prints {@code null}). */
    static final class Default extends ValueFilter {
        @Override
        public String getName() {
            return "default";
        }

        @Override
        public Object filter(Object var, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
            Object dflt = args.length > 0 ? args[0] : kwargs.getOrDefault("default_value", "");
            Object bool = args.length > 1 ? args[1] : kwargs.get("boolean");
            if (var instanceof Undefined) {
                return dflt;
            }
            if (Boolean.TRUE.equals(bool) && !com.hubspot.jinjava.util.ObjectTruthValue.evaluate(var)) {
                return dflt;
            }
            return var;
        }
    }

    /**
     * {@code tojson}: minified JSON, class fields by real name, enum values as {@code {}} (observed),
     * and {@code < > & '} escaped as {@code \\u003c}... so the output is safe inside HTML, as minijinja.
     */
    static final class ToJson extends ValueFilter {
        @Override
        public String getName() {
            return "tojson";
        }

        @Override
        public Object filter(Object var, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
            return htmlSafe(writeJson(toJson(var, false)));
        }

        private static String htmlSafe(String json) {
            StringBuilder sb = new StringBuilder(json.length());
            for (int i = 0; i < json.length(); i++) {
                char c = json.charAt(i);
                switch (c) {
                    case '<' -> sb.append("\\u003c");
                    case '>' -> sb.append("\\u003e");
                    case '&' -> sb.append("\\u0026");
                    case '\'' -> sb.append("\\u0027");
                    default -> sb.append(c);
                }
            }
            return sb.toString();
        }
    }

    /** BAML's {@code format(type="json")}: minified JSON under field aliases, enums by alias. */
    static final class Format extends ValueFilter {
        @Override
        public String getName() {
            return "format";
        }

        @Override
        public Object filter(Object var, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
            Object type = kwargs.get("type");
            if (type == null && args.length > 0) {
                type = args[0];
            }
            if (!"json".equals(type)) {
                throw new TemplateRuntimeError("format(type=" + type + ") is not supported by baml4j; use type=\"json\"");
            }
            return writeJson(toJson(var, true));
        }
    }

    /** {@code regex_match(pattern)}: true if the pattern is found anywhere; an invalid pattern is false. */
    static final class RegexMatch extends ValueFilter {
        @Override
        public String getName() {
            return "regex_match";
        }

        @Override
        public Object filter(Object var, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
            if (args.length == 0 || var == null) {
                return false;
            }
            try {
                return Pattern.compile(String.valueOf(args[0])).matcher(String.valueOf(var)).find();
            } catch (PatternSyntaxException e) {
                return false;
            }
        }
    }

    /** {@code max} / {@code min} of a sequence; an empty one gives undefined (prints nothing). */
    static final class Extreme extends ValueFilter {
        private final String name;
        private final int sign;

        Extreme(String name, int sign) {
            this.name = name;
            this.sign = sign;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public Object filter(Object var, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
            Object best = null;
            if (var instanceof Iterable<?> items) {
                for (Object item : items) {
                    if (best == null || sign * compare(item, best) > 0) {
                        best = item;
                    }
                }
            }
            return best == null ? Undefined.INSTANCE : best;
        }

        private static int compare(Object a, Object b) {
            if (a instanceof Number x && b instanceof Number y) {
                return Double.compare(x.doubleValue(), y.doubleValue());
            }
            return String.valueOf(a).compareTo(String.valueOf(b));
        }
    }

    /** {@code sum}: an int while every item is an int, else a float; {@code attribute=} and {@code start=}. */
    static final class Sum extends ValueFilter {
        @Override
        public String getName() {
            return "sum";
        }

        @Override
        public Object filter(Object var, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
            Object attribute = kwargs.get("attribute");
            Object start = kwargs.getOrDefault("start", 0L);
            long longSum = 0;
            double doubleSum = 0;
            boolean integral = true;
            List<Object> values = new java.util.ArrayList<>();
            values.add(start);
            if (var instanceof Iterable<?> items) {
                for (Object item : items) {
                    values.add(attribute == null ? item : interpreter.resolveProperty(item, String.valueOf(attribute)));
                }
            }
            for (Object v : values) {
                if (!(v instanceof Number n)) {
                    throw new TemplateRuntimeError("sum expects numbers, got " + BamlInterpreter.display(v));
                }
                if (v instanceof Double || v instanceof Float || v instanceof BigDecimal) {
                    integral = false;
                }
                longSum += n.longValue();
                doubleSum += n.doubleValue();
            }
            return integral ? (Object) longSum : (Object) doubleSum;
        }
    }

    /** {@code length}: as Jinjava's, but the length of an undefined value is an error (minijinja). */
    static final class Length extends ValueFilter {
        private static final com.hubspot.jinjava.lib.filter.LengthFilter JINJAVA = new com.hubspot.jinjava.lib.filter.LengthFilter();
        private final String name;

        Length(String name) {
            this.name = name;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public Object filter(Object var, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
            if (var instanceof Undefined) {
                throw new TemplateRuntimeError("cannot calculate length of value of type undefined");
            }
            return JINJAVA.filter(var, interpreter);
        }
    }

    /** The {@code defined} and {@code undefined} tests, which must see {@link Undefined} (Jinjava only sees null). */
    public static List<com.hubspot.jinjava.lib.exptest.ExpTest> tests() {
        return List.of(new DefinedTest("defined", true), new DefinedTest("undefined", false));
    }

    private record DefinedTest(String getName, boolean defined) implements com.hubspot.jinjava.lib.exptest.ExpTest {
        @Override
        public boolean evaluate(Object var, JinjavaInterpreter interpreter, Object... args) {
            return (var instanceof Undefined) != defined;
        }
    }

    private static String writeJson(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new TemplateRuntimeError("cannot serialize to JSON: " + e.getOriginalMessage());
        }
    }

    private static JsonNode toJson(Object v, boolean aliases) {
        if (v == null || v instanceof Undefined) {
            return NODES.nullNode();
        }
        if (v instanceof String s) {
            return NODES.textNode(s);
        }
        if (v instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return NODES.numberNode(((Number) v).longValue());
        }
        if (v instanceof BigInteger b) {
            return NODES.numberNode(b);
        }
        if (v instanceof Double || v instanceof Float || v instanceof BigDecimal) {
            return NODES.numberNode(((Number) v).doubleValue());
        }
        if (v instanceof EnumView e) {
            return aliases ? NODES.textNode(e.alias()) : NODES.objectNode();
        }
        if (v instanceof MediaView) {
            return NODES.objectNode();
        }
        if (v instanceof ClassView c) {
            ObjectNode o = NODES.objectNode();
            c.forEach((k, val) -> o.set(aliases ? c.displayName(k) : k, toJson(val, aliases)));
            return o;
        }
        if (v instanceof Map<?, ?> m) {
            ObjectNode o = NODES.objectNode();
            m.forEach((k, val) -> o.set(String.valueOf(k), toJson(val, aliases)));
            return o;
        }
        if (v instanceof Collection<?> c) {
            ArrayNode a = NODES.arrayNode();
            c.forEach(item -> a.add(toJson(item, aliases)));
            return a;
        }
        return NODES.textNode(v.toString());
    }

    private static double toDouble(Object v, String what) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                throw new TemplateRuntimeError(what + " expects a number, got \"" + s + "\"");
            }
        }
        throw new TemplateRuntimeError(what + " expects a number, got " + (v == null ? "none" : v));
    }
}
