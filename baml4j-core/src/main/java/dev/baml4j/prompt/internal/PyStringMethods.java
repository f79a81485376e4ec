package dev.baml4j.prompt.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The Python {@code str} methods that minijinja's pycompat mode offers ({@code "x".upper()}). */
final class PyStringMethods {

    /** Returned when {@code name} is not a string method, so other resolvers may try. */
    static final Object NOT_FOUND = new Object();

    private PyStringMethods() {
    }

    static Object call(String s, String name, List<Object> args, Map<String, Object> kwargs) {
        switch (name) {
            case "upper": return s.toUpperCase(java.util.Locale.ROOT);
            case "lower": return s.toLowerCase(java.util.Locale.ROOT);
            case "strip": return args.isEmpty() ? s.strip() : stripChars(s, str(args.get(0)), true, true);
            case "lstrip": return args.isEmpty() ? s.stripLeading() : stripChars(s, str(args.get(0)), true, false);
            case "rstrip": return args.isEmpty() ? s.stripTrailing() : stripChars(s, str(args.get(0)), false, true);
            case "startswith": return s.startsWith(str(args.get(0)));
            case "endswith": return s.endsWith(str(args.get(0)));
            case "title": return title(s);
            case "capitalize": return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(java.util.Locale.ROOT)
                    + s.substring(1).toLowerCase(java.util.Locale.ROOT);
            case "replace": return s.replace(str(args.get(0)), str(args.get(1)));
            case "count": return (long) count(s, str(args.get(0)));
            case "find": return (long) s.indexOf(str(args.get(0)));
            case "isdigit": return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
            case "isalpha": return !s.isEmpty() && s.chars().allMatch(Character::isLetter);
            case "isupper": return s.chars().anyMatch(Character::isLetter) && s.equals(s.toUpperCase(java.util.Locale.ROOT));
            case "islower": return s.chars().anyMatch(Character::isLetter) && s.equals(s.toLowerCase(java.util.Locale.ROOT));
            case "split": return split(s, args);
            case "splitlines": return new ArrayList<Object>(Arrays.asList(s.split("\r?\n", -1)));
            case "join": return join(s, args.get(0));
            case "format": return format(s, args, kwargs);
            default: return NOT_FOUND;
        }
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }

    private static String stripChars(String s, String chars, boolean left, boolean right) {
        int start = 0;
        int end = s.length();
        while (left && start < end && chars.indexOf(s.charAt(start)) >= 0) {
            start++;
        }
        while (right && end > start && chars.indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(start, end);
    }

    private static String title(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean prevLetter = false;
        for (char c : s.toCharArray()) {
            sb.append(prevLetter ? Character.toLowerCase(c) : Character.toUpperCase(c));
            prevLetter = Character.isLetter(c);
        }
        return sb.toString();
    }

    private static int count(String s, String sub) {
        if (sub.isEmpty()) {
            return s.length() + 1;
        }
        int n = 0;
        for (int i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + sub.length())) {
            n++;
        }
        return n;
    }

    private static List<Object> split(String s, List<Object> args) {
        List<Object> out = new ArrayList<>();
        if (args.isEmpty() || args.get(0) == null) {
            for (String p : s.strip().split("\\s+")) {
                if (!p.isEmpty()) {
                    out.add(p);
                }
            }
            return out;
        }
        String sep = str(args.get(0));
        int max = args.size() > 1 ? ((Number) args.get(1)).intValue() : -1;
        int from = 0;
        while (max != 0) {
            int i = s.indexOf(sep, from);
            if (i < 0 || sep.isEmpty()) {
                break;
            }
            out.add(s.substring(from, i));
            from = i + sep.length();
            max--;
        }
        out.add(s.substring(from));
        return out;
    }

    private static String join(String sep, Object items) {
        List<String> parts = new ArrayList<>();
        if (items instanceof Iterable<?> it) {
            for (Object o : it) {
                parts.add(str(o));
            }
        }
        return String.join(sep, parts);
    }

    /** {@code "{} and {name}".format(a, name=b)}: positional, numbered and named fields. */
    private static String format(String s, List<Object> args, Map<String, Object> kwargs) {
        StringBuilder sb = new StringBuilder();
        int auto = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '{' && i + 1 < s.length() && s.charAt(i + 1) == '{') {
                sb.append('{');
                i++;
            } else if (c == '}' && i + 1 < s.length() && s.charAt(i + 1) == '}') {
                sb.append('}');
                i++;
            } else if (c == '{') {
                int close = s.indexOf('}', i);
                if (close < 0) {
                    throw new TemplateRuntimeError("format string has an unclosed '{': " + s);
                }
                String field = s.substring(i + 1, close);
                int colon = field.indexOf(':');
                if (colon >= 0) {
                    field = field.substring(0, colon);
                }
                Object v;
                if (field.isEmpty()) {
                    v = auto < args.size() ? args.get(auto) : null;
                    auto++;
                } else if (field.chars().allMatch(Character::isDigit)) {
                    int idx = Integer.parseInt(field);
                    v = idx < args.size() ? args.get(idx) : null;
                } else {
                    v = kwargs.get(field);
                }
                sb.append(BamlInterpreter.display(v));
                i = close;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
