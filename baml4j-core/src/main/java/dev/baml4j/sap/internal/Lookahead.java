package dev.baml4j.sap.internal;

/**
 * The tokenizer's look-ahead rules: does this quote close the string, does this comma end an
 * unquoted value? Each answers 1 (yes), 0 (no) or -1 (the text so far ends before it can tell;
 * wait for the next chunk).
 */
final class Lookahead {

    private Lookahead() {
    }

    /** 1 close, 0 keep, -1 need more input. */
    static int shouldClose(CharSequence buf, int pos, boolean eof, int ctx, char quote) {
        int len = buf.length();
        if (pos + 1 >= len) {
            return eof ? 1 : -1;
        }
        char n = buf.charAt(pos + 1);
        boolean key = ctx == FixingParser.KEY, value = ctx == FixingParser.VALUE,
                array = ctx == FixingParser.ARRAY || ctx == FixingParser.VALUE;
        if ((n == ':' || n == '}') && key) {
            return 1;
        }
        if ((n == ',' || n == '}') && value) {
            return 1;
        }
        if ((n == ',' || n == ']') && array) {
            return 1;
        }
        if (n == ' ' || n == '\t' || n == '\n' || n == '\r') {
            for (int i = pos + 2; i < len; i++) {
                char m = buf.charAt(i);
                if (m == ' ' || m == '\t' || m == '\n' || m == '\r') {
                    continue;
                }
                if (m == '}' && (key || value)) {
                    return 1;
                }
                if (m == ':' && key) {
                    return 1;
                }
                if (m == ',' && (value || array)) {
                    return 1;
                }
                if (m == ']' && array) {
                    return 1;
                }
                if (m == '/') {
                    if (i + 1 >= len) {
                        return eof ? 0 : -1;
                    }
                    char k = buf.charAt(i + 1);
                    return k == '/' || k == '*' ? 1 : 0;
                }
                return 0;
            }
            return eof ? 1 : -1;
        }
        if (n == quote) {
            return 0;
        }
        if (n == '{' || n == '"' || n == '\'' || n == '[') {
            return ctx == FixingParser.TOP ? 1 : 0;
        }
        return 0;
    }

    /**
     * After an unquoted value, a comma ends it when a newline, a comment or a quoted key follows,
     * or, for a one-word value, a bare {@code key:}. (A value with spaces runs on, as the official
     * runtime's does.)
     */
    static int commaEndsValue(CharSequence buf, int pos, boolean eof, CharSequence value) {
        int len = buf.length();
        if (pos + 1 >= len) {
            return eof ? 1 : -1;
        }
        char n = buf.charAt(pos + 1);
        if (n == '\n') {
            return 1;
        }
        if (n != ' ') {
            return 0;
        }
        boolean nonWhitespace = false;
        for (int i = pos + 2; i < len; i++) {
            char m = buf.charAt(i);
            nonWhitespace |= !Character.isWhitespace(m);
            if (m == ' ') {
                continue;
            }
            if (m == '\n') {
                if (!nonWhitespace) {
                    return 1;
                }
                continue;
            }
            if (m == '/') {
                if (i + 1 >= len) {
                    return eof ? 0 : -1;
                }
                char k = buf.charAt(i + 1);
                return k == '/' || k == '*' ? 1 : 0;
            }
            if (m == '"' || m == '\'') {
                return 1;
            }
            return oneWord(value) ? bareKeyAt(buf, i, eof) : 0;
        }
        return eof ? 0 : -1;
    }

    private static boolean oneWord(CharSequence value) {
        String t = value.toString().trim();
        for (int i = 0; i < t.length(); i++) {
            if (Character.isWhitespace(t.charAt(i))) {
                return false;
            }
        }
        return !t.isEmpty();
    }

    /** 1 if an identifier followed by a colon starts at {@code i}, 0 if not, -1 if the input ends first. */
    private static int bareKeyAt(CharSequence buf, int i, boolean eof) {
        int len = buf.length();
        int j = i;
        while (j < len && (Character.isLetterOrDigit(buf.charAt(j)) || buf.charAt(j) == '_' || buf.charAt(j) == '-')) {
            j++;
        }
        if (j == i) {
            return 0;
        }
        while (j < len && buf.charAt(j) == ' ') {
            j++;
        }
        if (j >= len) {
            return eof ? 0 : -1;
        }
        return buf.charAt(j) == ':' ? 1 : 0;
    }
}
