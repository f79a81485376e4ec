package dev.baml4j.prompt.internal;

import com.hubspot.jinjava.objects.SafeString;
import dev.baml4j.prompt.internal.JinjaValues.ClassView;
import dev.baml4j.prompt.internal.JinjaValues.EnumView;
import dev.baml4j.prompt.internal.JinjaValues.MediaView;
import dev.baml4j.prompt.internal.JinjaValues.Undefined;
import dev.baml4j.types.BamlValue;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Function;

/**
 * Prints template values the way BAML's minijinja does: {@code null} for none, floats with a
 * fractional part ({@code 3.0}, never an exponent), lists and maps Python-like
 * ({@code ["a", 1]}, {@code {"k": 1}}), class instances as a pseudo-JSON block under their field
 * aliases with a comma after every entry, and enum values by alias.
 */
public final class ValuePrinter {

    private static final String INDENT = "    ";

    /** Turns a media value into the text that marks its place (the render's media sentinel). */
    private final Function<BamlValue.MediaValue, String> mediaMarker;

    public ValuePrinter(Function<BamlValue.MediaValue, String> mediaMarker) {
        this.mediaMarker = mediaMarker;
    }

    /** What {@code {{ value }}} prints. */
    public String display(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Undefined) {
            return "";
        }
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof SafeString s) {
            return s.toString();
        }
        if (value instanceof ClassView c) {
            StringBuilder sb = new StringBuilder();
            appendBlock(sb, c, 0);
            return sb.toString();
        }
        StringBuilder sb = new StringBuilder();
        appendInline(sb, value, "null");
        return sb.toString();
    }

    /**
     * The inline (debug) form used inside lists and maps: strings are quoted. A null prints as
     * {@code nullWord}: BAML shows {@code null} in argument lists but minijinja's {@code none} in
     * maps and in lists the template built (observed).
     */
    private void appendInline(StringBuilder sb, Object value, String nullWord) {
        if (value == null) {
            sb.append(nullWord);
        } else if (value instanceof Undefined) {
            sb.append("undefined");
        } else if (value instanceof String || value instanceof SafeString) {
            appendQuoted(sb, value.toString());
        } else if (value instanceof Boolean || value instanceof Long || value instanceof Integer
                || value instanceof Short || value instanceof Byte || value instanceof java.math.BigInteger) {
            sb.append(value);
        } else if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            sb.append(formatFloat(((Number) value).doubleValue()));
        } else if (value instanceof EnumView e) {
            sb.append(e.alias());
        } else if (value instanceof MediaView m) {
            sb.append(mediaMarker.apply(m.media()));
        } else if (value instanceof ClassView c) {
            appendBlock(sb, c, 0);
        } else if (value instanceof Map<?, ?> m) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) {
                    sb.append(", ");
                }
                first = false;
                appendInline(sb, e.getKey() == null ? null : e.getKey().toString(), "none");
                sb.append(": ");
                appendInline(sb, e.getValue(), "none");
            }
            sb.append('}');
        } else if (value instanceof Collection<?> c) {
            sb.append('[');
            String itemNull = c instanceof JinjaValues.ListView ? "null" : "none";
            Iterator<?> it = c.iterator();
            while (it.hasNext()) {
                appendInline(sb, it.next(), itemNull);
                if (it.hasNext()) {
                    sb.append(", ");
                }
            }
            sb.append(']');
        } else {
            sb.append(value);
        }
    }

    /** A class instance: one entry per line, aliases as keys, a comma after each entry. */
    private void appendBlock(StringBuilder sb, ClassView c, int depth) {
        if (c.isEmpty()) {
            sb.append("{}");
            return;
        }
        sb.append("{\n");
        for (Map.Entry<String, Object> e : c.entrySet()) {
            indent(sb, depth + 1);
            appendQuoted(sb, c.displayName(e.getKey()));
            sb.append(": ");
            appendNested(sb, e.getValue(), depth + 1);
            sb.append(",\n");
        }
        indent(sb, depth);
        sb.append('}');
    }

    /** A value inside a class block: containers expand over several lines. */
    private void appendNested(StringBuilder sb, Object value, int depth) {
        if (value instanceof ClassView c) {
            appendBlock(sb, c, depth);
        } else if (value instanceof Map<?, ?> m && !(value instanceof Undefined)) {
            if (m.isEmpty()) {
                sb.append("{}");
                return;
            }
            sb.append("{\n");
            for (Map.Entry<?, ?> e : m.entrySet()) {
                indent(sb, depth + 1);
                appendQuoted(sb, String.valueOf(e.getKey()));
                sb.append(": ");
                appendNested(sb, e.getValue(), depth + 1);
                sb.append(",\n");
            }
            indent(sb, depth);
            sb.append('}');
        } else if (value instanceof Collection<?> l && !(value instanceof Undefined)) {
            if (l.isEmpty()) {
                sb.append("[]");
                return;
            }
            sb.append("[\n");
            for (Object item : l) {
                indent(sb, depth + 1);
                appendNested(sb, item, depth + 1);
                sb.append(",\n");
            }
            indent(sb, depth);
            sb.append(']');
        } else {
            appendInline(sb, value, "null");
        }
    }

    private static void indent(StringBuilder sb, int depth) {
        for (int i = 0; i < depth; i++) {
            sb.append(INDENT);
        }
    }

    /** A double-quoted string with JSON-style escapes, as BAML prints strings inside values. */
    static void appendQuoted(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\0' -> sb.append("\\0");
                default -> {
                    if (escapedByRustDebug(ch)) {
                        sb.append("\\u{").append(Integer.toHexString(ch)).append('}');
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        sb.append('"');
    }

    /** Rust's {@code Debug} for strings escapes control, format and separator characters as {@code \\u{..}}. */
    private static boolean escapedByRustDebug(char ch) {
        if (ch < 0x20 || ch == 0x7f) {
            return true;
        }
        if (ch < 0x80 || Character.isSurrogate(ch)) {
            return false;
        }
        int type = Character.getType(ch);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.SPACE_SEPARATOR
                || type == Character.UNASSIGNED || type == Character.PRIVATE_USE;
    }

    /**
     * A float as minijinja prints an f64: the shortest round-trip digits, never an exponent, and
     * {@code .0} when integral ({@code 3.0}, {@code 1e21} → {@code 1000000000000000000000.0}).
     */
    public static String formatFloat(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return "0.0";
        }
        String plain = new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
        if (plain.indexOf('.') < 0) {
            return plain + ".0";
        }
        return plain;
    }
}
