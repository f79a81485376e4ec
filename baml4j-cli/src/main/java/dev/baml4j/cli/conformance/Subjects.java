package dev.baml4j.cli.conformance;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what an official error message is about: the first quoted name, or the first
 * identifier-like word with {@code _}, {@code -} or {@code .} in it ({@code aws_bedrock},
 * {@code max_tokens}). Conformance compares meaning, and the subject is the part of the meaning
 * that does not depend on wording.
 */
final class Subjects {

    private static final Pattern SUBJECT = Pattern.compile(
            "`([^`]+)`|\"([^\"]+)\"|'([^']+)'|\\b([A-Za-z][A-Za-z0-9]*(?:[_.-][A-Za-z0-9]+)+)\\b");

    private Subjects() {
    }

    static String first(String message) {
        Matcher m = SUBJECT.matcher(message);
        while (m.find()) {
            for (int g = 1; g <= 4; g++) {
                if (m.group(g) != null && !m.group(g).isBlank()) {
                    return m.group(g);
                }
            }
        }
        return null;
    }
}
