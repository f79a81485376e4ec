package dev.baml4j.prompt.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The keyword arguments of {@code ctx.output_format(...)}. {@code prefixSet} distinguishes "not
 * given" (the automatic prefix) from an explicit {@code prefix=none}.
 *
 * @param hoistClasses null for the default (recursive classes only), an empty list with
 *                     {@code hoistAll} for {@code true}, or the listed class names
 */
public record OutputFormatOptions(boolean prefixSet, String prefix, String orSplitter, String enumValuePrefix,
        boolean alwaysHoistEnums, String hoistedClassPrefix, boolean hoistAll, List<String> hoistClasses,
        boolean mapStyleObject, boolean quoteClassFields) {

    public static final OutputFormatOptions DEFAULT =
            new OutputFormatOptions(false, null, " or ", "- ", false, null, false, List.of(), false, false);

    private static final Set<String> KEYS = Set.of("prefix", "or_splitter", "enum_value_prefix",
            "always_hoist_enums", "hoisted_class_prefix", "hoist_classes", "map_style", "quote_class_fields");

    /** Reads the options; throws IllegalArgumentException naming an unknown key or a bad value. */
    public static OutputFormatOptions parse(Map<String, Object> kwargs) {
        for (String key : kwargs.keySet()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("ctx.output_format got an unknown argument '" + key
                        + "'; known arguments: " + String.join(", ", KEYS.stream().sorted().toList()));
            }
        }
        boolean prefixSet = kwargs.containsKey("prefix");
        String prefix = optionalString(kwargs, "prefix", null);
        String orSplitter = optionalString(kwargs, "or_splitter", " or ");
        if (orSplitter == null) {
            orSplitter = " or ";
        }
        String enumValuePrefix = optionalString(kwargs, "enum_value_prefix", "- ");
        boolean alwaysHoistEnums = bool(kwargs, "always_hoist_enums");
        String hoistedClassPrefix = optionalString(kwargs, "hoisted_class_prefix", null);
        boolean hoistAll = false;
        List<String> hoistClasses = List.of();
        Object hc = kwargs.get("hoist_classes");
        if (hc instanceof Boolean b) {
            hoistAll = b;
        } else if (hc instanceof String s) {
            if (!s.equals("auto")) {
                throw new IllegalArgumentException("hoist_classes must be true, false, \"auto\" or a list of class names, got \"" + s + "\"");
            }
        } else if (hc instanceof java.util.Collection<?> c) {
            hoistClasses = c.stream().map(String::valueOf).toList();
        } else if (hc != null) {
            throw new IllegalArgumentException("hoist_classes must be true, false, \"auto\" or a list of class names, got " + hc);
        }
        boolean mapStyleObject = false;
        Object ms = kwargs.get("map_style");
        if (ms != null) {
            if (ms.equals("object")) {
                mapStyleObject = true;
            } else if (!ms.equals("angle")) {
                throw new IllegalArgumentException("map_style must be \"angle\" or \"object\", got " + ms);
            }
        }
        boolean quote = bool(kwargs, "quote_class_fields");
        return new OutputFormatOptions(prefixSet, prefix, orSplitter, enumValuePrefix, alwaysHoistEnums,
                hoistedClassPrefix, hoistAll, hoistClasses, mapStyleObject, quote);
    }

    private static String optionalString(Map<String, Object> kwargs, String key, String dflt) {
        if (!kwargs.containsKey(key)) {
            return dflt;
        }
        Object v = kwargs.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException(key + " must be a string or none, got " + v);
    }

    private static boolean bool(Map<String, Object> kwargs, String key) {
        Object v = kwargs.get(key);
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException(key + " must be true or false, got " + v);
    }
}
