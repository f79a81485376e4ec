package dev.baml4j.codegen.internal;

import java.util.Locale;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * Turns BAML identifiers into Java ones. BAML identifiers may contain {@code -} and may be Java
 * keywords, so every name goes through here; the BAML name itself stays in {@code @JsonProperty}
 * and in the strings passed to the runtime.
 */
public final class JavaNames {

    /** Record components with these names would clash with the accessors every object has. */
    private static final Set<String> OBJECT_METHODS =
            Set.of("hashCode", "toString", "getClass", "notify", "notifyAll", "wait", "clone", "finalize", "equals");

    private JavaNames() {
    }

    /** {@code start_year} → {@code startYear}, {@code ExtractResume} → {@code extractResume}. */
    public static String camel(String bamlName) {
        String[] words = words(bamlName);
        StringBuilder out = new StringBuilder();
        for (String word : words) {
            if (word.isEmpty()) {
                continue;
            }
            if (out.length() == 0) {
                out.append(lowerLeadingRun(word));
            } else {
                out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return safe(out.toString(), "value");
    }

    /** A member name (field, parameter, method) that is never a keyword or an {@link Object} method. */
    public static String member(String bamlName) {
        String name = camel(bamlName);
        return OBJECT_METHODS.contains(name) ? name + "_" : name;
    }

    /** A type name: the BAML name when it is a valid Java identifier, else a sanitised form. */
    public static String type(String bamlName) {
        String[] words = words(bamlName);
        StringBuilder out = new StringBuilder();
        for (String word : words) {
            if (!word.isEmpty()) {
                out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return safe(out.toString(), "Type");
    }

    /** {@code int} → {@code Int}: a name part for derived type names ({@code IntOrString}). */
    public static String pascal(String bamlName) {
        return type(bamlName);
    }

    /** An enum constant: the value name itself when Java allows it. */
    public static String constant(String valueName) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < valueName.length(); i++) {
            char c = valueName.charAt(i);
            out.append(Character.isJavaIdentifierPart(c) ? c : '_');
        }
        return safe(out.toString(), "VALUE");
    }

    private static String[] words(String name) {
        return name.split("[^A-Za-z0-9]+|_");
    }

    /** {@code ExtractResume} → {@code extractResume}; {@code JSONValue} → {@code jsonValue}. */
    private static String lowerLeadingRun(String word) {
        int upper = 0;
        while (upper < word.length() && Character.isUpperCase(word.charAt(upper))) {
            upper++;
        }
        if (upper <= 1 || upper == word.length()) {
            return word.substring(0, Math.min(upper, 1)).toLowerCase(Locale.ROOT)
                    + (upper == word.length() && upper > 1 ? word.substring(1).toLowerCase(Locale.ROOT) : word.substring(Math.min(upper, 1)));
        }
        // Keep the last capital of the run: it starts the next word (JSONValue → jsonValue).
        return word.substring(0, upper - 1).toLowerCase(Locale.ROOT) + word.substring(upper - 1);
    }

    private static String safe(String name, String fallback) {
        if (name.isEmpty()) {
            return fallback;
        }
        String s = Character.isJavaIdentifierStart(name.charAt(0)) ? name : "_" + name;
        return SourceVersion.isKeyword(s) || s.equals("_") ? s + "_" : s;
    }
}
