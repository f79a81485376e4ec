package dev.baml4j.prompt.internal;

import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks Jinjava does not make: it renders an unknown filter or test as nothing, where
 * minijinja rejects the template. Run once per parsed template.
 */
final class TemplateChecks {

    private static final Pattern TAG = Pattern.compile("\\{\\{(.*?)}}|\\{%(.*?)%}", Pattern.DOTALL);
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern FILTER = Pattern.compile("\\|\\s*([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern TEST = Pattern.compile("\\bis\\s+(?:not\\s+)?([A-Za-z_][A-Za-z0-9_]*)");

    private TemplateChecks() {
    }

    /** A message naming the first unknown filter or test, with its 1-based source line; or null. */
    static String[] firstUnknown(String source, Predicate<String> isFilter, Predicate<String> isTest) {
        Matcher tag = TAG.matcher(blankComments(source));
        while (tag.find()) {
            String body = tag.group(1) != null ? tag.group(1) : tag.group(2);
            String trimmed = body.replaceAll("^[-+\\s]+", "");
            if (tag.group(2) != null && trimmed.matches("raw\\b.*")) {
                Matcher end = Pattern.compile("\\{%-?\\s*endraw").matcher(source);
                if (!end.find(tag.end())) {
                    return null;
                }
                tag.region(end.start(), source.length());
                continue;
            }
            if (tag.group(2) != null && trimmed.matches("filter\\b.*")) {
                if (trimmed.startsWith("filter")) {
                    String name = trimmed.substring("filter".length()).strip().split("[\\s(|]")[0];
                    if (!name.isEmpty() && !isFilter.test(name)) {
                        return unknown("filter", name, source, tag.start());
                    }
                }
                continue;
            }
            String code = STRING.matcher(body).replaceAll("\"\"");
            Matcher f = FILTER.matcher(code);
            while (f.find()) {
                if (!isFilter.test(f.group(1))) {
                    return unknown("filter", f.group(1), source, tag.start());
                }
            }
            Matcher t = TEST.matcher(code);
            while (t.find()) {
                if (!isTest.test(t.group(1))) {
                    return unknown("test", t.group(1), source, tag.start());
                }
            }
        }
        return null;
    }

    /** Comments replaced by spaces of the same length, so offsets and lines stay put. */
    private static String blankComments(String source) {
        Matcher m = Pattern.compile("\\{#.*?#}", Pattern.DOTALL).matcher(source);
        StringBuilder sb = new StringBuilder(source);
        while (m.find()) {
            for (int i = m.start(); i < m.end(); i++) {
                if (sb.charAt(i) != '\n') {
                    sb.setCharAt(i, ' ');
                }
            }
        }
        return sb.toString();
    }

    private static String[] unknown(String kind, String name, String source, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (source.charAt(i) == '\n') {
                line++;
            }
        }
        return new String[] {"unknown " + kind + " '" + name + "'", Integer.toString(line)};
    }
}
