package dev.baml4j.lang.internal;

/**
 * The literal tokens of BAML, read at the lexer's position: quoted, raw and unquoted strings,
 * numbers and {@code {{ jinja }}} expressions.
 */
final class Literals {

    /** Characters that end an unquoted string (besides newlines and {@code //}). */
    private static final String UNQUOTED_STOP = "#@{}()[]<>,'\";";

    private Literals() {
    }

    /** A {@code "…"} string on one line, escapes processed. */
    static String quoted(Lexer lx) {
        int start = lx.pos;
        lx.pos++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (lx.eof() || lx.peek() == '\n') {
                throw lx.fail(start, lx.pos, "unterminated string",
                        "close it with `\"` on the same line; for multi-line text use #\"…\"#");
            }
            char c = lx.src.charAt(lx.pos++);
            if (c == '"') {
                return sb.toString();
            }
            if (c != '\\' || lx.eof()) {
                sb.append(c);
                continue;
            }
            char e = lx.src.charAt(lx.pos++);
            switch (e) {
                case 'n': sb.append('\n'); break;
                case 'r': sb.append('\r'); break;
                case 't': sb.append('\t'); break;
                case '0': sb.append('\0'); break;
                case '\'': sb.append('\''); break;
                case '"': sb.append('"'); break;
                case '\\': sb.append('\\'); break;
                case 'x':
                    boolean hex = lx.pos + 2 <= lx.src.length() && isHex(lx.src.charAt(lx.pos))
                            && isHex(lx.src.charAt(lx.pos + 1));
                    if (hex) {
                        sb.append((char) Integer.parseInt(lx.src.substring(lx.pos, lx.pos + 2), 16));
                        lx.pos += 2;
                    } else {
                        sb.append("\\x");
                    }
                    break;
                default:
                    sb.append('\\').append(e);
            }
        }
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** A raw string {@code #"…"#} (any number of {@code #}); returns its body, unnormalised. */
    static RawString raw(Lexer lx) {
        int start = lx.pos;
        int hashes = lx.rawStringHashes();
        lx.pos += hashes + 1;
        int bodyStart = lx.pos;
        String close = "\"" + "#".repeat(hashes);
        int end = lx.src.indexOf(close, bodyStart);
        if (end < 0) {
            lx.pos = lx.src.length();
            throw lx.fail(start, start + hashes + 1, "unterminated raw string", "close it with `" + close + "`");
        }
        lx.pos = end + close.length();
        return new RawString(lx.src.substring(bodyStart, end), bodyStart, start, lx.pos);
    }

    /** A raw string's body and where it stands. */
    record RawString(String body, int bodyStart, int start, int end) {
    }

    /** {@code {{ … }}}; returns the trimmed expression. */
    static String jinja(Lexer lx) {
        int start = lx.pos;
        int end = lx.src.indexOf("}}", lx.pos + 2);
        if (end < 0) {
            lx.pos = lx.src.length();
            throw lx.fail(start, start + 2, "unterminated `{{ … }}` expression", "close it with `}}`");
        }
        String expr = lx.src.substring(start + 2, end).strip();
        lx.pos = end + 2;
        return expr;
    }

    /**
     * A number {@code -?digits(.digits)?} if one stands here and ends at a delimiter; otherwise
     * null and the position is unchanged (so {@code 3.5-sonnet} stays an unquoted string).
     */
    static String number(Lexer lx) {
        int start = lx.pos;
        int p = lx.pos;
        if (p < lx.src.length() && lx.src.charAt(p) == '-') {
            p++;
        }
        int digits = p;
        while (p < lx.src.length() && Character.isDigit(lx.src.charAt(p))) {
            p++;
        }
        if (p == digits) {
            return null;
        }
        if (p + 1 < lx.src.length() && lx.src.charAt(p) == '.' && Character.isDigit(lx.src.charAt(p + 1))) {
            p++;
            while (p < lx.src.length() && Character.isDigit(lx.src.charAt(p))) {
                p++;
            }
        }
        if (p < lx.src.length() && !isValueDelimiter(lx.src.charAt(p))) {
            return null;
        }
        lx.pos = p;
        return lx.src.substring(start, p);
    }

    private static boolean isValueDelimiter(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ',' || c == '}' || c == ']' || c == ')'
                || c == '|' || c == '?' || c == '@' || c == '/' || c == '>' || c == '[';
    }

    /**
     * An unquoted string. With {@code innerSpaces} it runs to the end of the line or a stop
     * character ({@code @alias(NUMBER THREE)}); without, it also stops at whitespace, which is
     * how {@code { type constant_delay delay_ms 200 }} splits into entries. Null if empty.
     */
    static String unquoted(Lexer lx, boolean innerSpaces) {
        int start = lx.pos;
        while (!lx.eof()) {
            char c = lx.peek();
            if (c == '\n' || UNQUOTED_STOP.indexOf(c) >= 0) {
                break;
            }
            if (c == '/' && lx.peek(1) == '/' && (lx.pos == start || Character.isWhitespace(lx.src.charAt(lx.pos - 1)))) {
                break;
            }
            if ((c == ' ' || c == '\t' || c == '\r') && !innerSpaces) {
                break;
            }
            lx.pos++;
        }
        String s = lx.src.substring(start, lx.pos);
        String trimmed = s.stripTrailing();
        lx.pos = start + trimmed.length();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
