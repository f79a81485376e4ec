package dev.baml4j.prompt.internal;

import java.util.Set;

/**
 * Jinjava's expression language (JUEL) reserves words that are ordinary names in Jinja
 * ({@code div}, {@code lt}, {@code empty}, ...): a parameter or field with such a name would be a
 * parse error. Inside tags these names are renamed to {@code __baml4j_kw_<name>}; arguments are
 * bound and attributes resolved under the same spelling, so templates see no difference.
 */
public final class ReservedNames {

    static final String PREFIX = "__baml4j_kw_";
    private static final Set<String> RESERVED =
            Set.of("div", "mod", "eq", "ne", "lt", "gt", "le", "ge", "instanceof", "empty");

    private ReservedNames() {
    }

    /** The name a template variable is bound under. */
    public static String encode(String name) {
        return RESERVED.contains(name) ? PREFIX + name : name;
    }

    /** The original name of a (possibly renamed) attribute or keyword argument. */
    static String decode(String name) {
        return name.startsWith(PREFIX) ? name.substring(PREFIX.length()) : name;
    }

    /** Renames reserved identifiers inside {@code {{ }}} and {@code {% %}}, outside string literals. */
    static String rewrite(String text) {
        if (RESERVED.stream().noneMatch(text::contains)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 32);
        int i = 0;
        boolean raw = false;
        while (i < text.length()) {
            int open = nextTag(text, i);
            if (open < 0) {
                out.append(text, i, text.length());
                break;
            }
            out.append(text, i, open);
            String closer = text.startsWith("{{", open) ? "}}" : "%}";
            int end = closeOf(text, open + 2, closer);
            String tag = text.substring(open, end);
            String inner = tag.substring(2).replaceAll("^[-+\\s]+", "");
            if (closer.equals("%}") && inner.startsWith("endraw")) {
                raw = false;
            }
            out.append(raw ? tag : renameIn(tag));
            if (closer.equals("%}") && inner.startsWith("raw")) {
                raw = true;
            }
            i = end;
        }
        return out.toString();
    }

    private static int nextTag(String text, int from) {
        int a = text.indexOf("{{", from);
        int b = text.indexOf("{%", from);
        if (a < 0) {
            return b;
        }
        return b < 0 ? a : Math.min(a, b);
    }

    private static int closeOf(String text, int from, String closer) {
        char quote = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (text.startsWith(closer, i)) {
                return i + 2;
            }
        }
        return text.length();
    }

    private static String renameIn(String tag) {
        StringBuilder out = new StringBuilder(tag.length());
        char quote = 0;
        int i = 0;
        while (i < tag.length()) {
            char c = tag.charAt(i);
            if (quote != 0) {
                out.append(c);
                if (c == '\\' && i + 1 < tag.length()) {
                    out.append(tag.charAt(++i));
                } else if (c == quote) {
                    quote = 0;
                }
                i++;
            } else if (c == '"' || c == '\'') {
                quote = c;
                out.append(c);
                i++;
            } else if (Character.isLetter(c) || c == '_') {
                int j = i;
                while (j < tag.length() && (Character.isLetterOrDigit(tag.charAt(j)) || tag.charAt(j) == '_')) {
                    j++;
                }
                out.append(encode(tag.substring(i, j)));
                i = j;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
