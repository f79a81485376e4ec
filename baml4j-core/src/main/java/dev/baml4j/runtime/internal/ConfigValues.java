package dev.baml4j.runtime.internal;

import dev.baml4j.types.ConfigValue;
import dev.baml4j.types.SourceSpan;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Java values given to a {@link dev.baml4j.runtime.ClientRegistry} → config values, so runtime
 * clients are validated and built exactly like clients written in {@code .baml} files.
 */
public final class ConfigValues {

    private ConfigValues() {
    }

    public static ConfigValue.MapLit fromMap(Map<String, ?> options, SourceSpan span) {
        List<ConfigValue.Entry> entries = new ArrayList<>();
        for (Map.Entry<String, ?> e : options.entrySet()) {
            entries.add(new ConfigValue.Entry(e.getKey(), span, from(e.getValue(), span, e.getKey())));
        }
        return new ConfigValue.MapLit(entries, span);
    }

    public static ConfigValue from(Object value, SourceSpan span, String where) {
        if (value == null) {
            return new ConfigValue.NullLit(span);
        } else if (value instanceof ConfigValue c) {
            return c;
        } else if (value instanceof CharSequence s) {
            return new ConfigValue.StringLit(s.toString(), ConfigValue.StringStyle.QUOTED, span);
        } else if (value instanceof Boolean b) {
            return new ConfigValue.BoolLit(b, span);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte || value instanceof BigInteger) {
            return new ConfigValue.NumberLit(value.toString(), span);
        } else if (value instanceof BigDecimal d) {
            return new ConfigValue.NumberLit(d.toPlainString(), span);
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("option " + where + ": " + d + " is not a number BAML can hold");
            }
            String text = BigDecimal.valueOf(d).toPlainString();
            // BAML tells integers from floats by the dot; 1.0 must stay a float.
            return new ConfigValue.NumberLit(text.indexOf('.') < 0 ? text + ".0" : text, span);
        } else if (value instanceof Map<?, ?> m) {
            List<ConfigValue.Entry> entries = new ArrayList<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String key = String.valueOf(e.getKey());
                entries.add(new ConfigValue.Entry(key, span, from(e.getValue(), span, where + "." + key)));
            }
            return new ConfigValue.MapLit(entries, span);
        } else if (value instanceof Iterable<?> it) {
            List<ConfigValue> items = new ArrayList<>();
            int i = 0;
            for (Object o : it) {
                items.add(from(o, span, where + "[" + i++ + "]"));
            }
            return new ConfigValue.ArrayLit(items, span);
        } else if (value instanceof Object[] arr) {
            return from(java.util.Arrays.asList(arr), span, where);
        }
        throw new IllegalArgumentException("option " + where + ": a " + value.getClass().getName()
                + " cannot be a client option; use a String, Number, Boolean, List or Map");
    }
}
