package dev.baml4j.lang.internal;

import dev.baml4j.lang.Diagnostic;
import dev.baml4j.types.SourceSpan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * BAML's lexer. BAML's lexical classes depend on where the parser is (an unquoted string is
 * only a token inside a config value, a newline ends a block member but not an argument list), so
 * the parser asks for the token it expects at the current position instead of reading a
 * pre-computed token stream. Every method works on {@link #pos} and never looks back.
 */
final class Lexer {

    /** Past this many errors a file is more noise than help; the parser stops early. */
    static final int MAX_ERRORS = 200;

    final String src;
    final String file;
    private final int[] lineStarts;
    private final List<Diagnostic> diagnostics;
    private int errorCount;
    int pos;
    /** The {@code ///} lines read by the last {@link #skipTrivia()}, or null. */
    private StringBuilder pendingDoc;

    Lexer(String file, String src, List<Diagnostic> diagnostics) {
        this.file = file;
        this.src = src;
        this.diagnostics = diagnostics;
        this.lineStarts = computeLineStarts(src);
        if (src.startsWith("\uFEFF")) {
            pos = 1;    // a byte-order mark is not part of the source
        }
    }

    private static int[] computeLineStarts(String s) {
        int[] starts = new int[16];
        int n = 1;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                }
                starts[n++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, n);
    }

    // ---- positions and diagnostics -------------------------------------------------------

    int lineOf(int offset) {
        int idx = Arrays.binarySearch(lineStarts, Math.min(offset, src.length()));
        return idx >= 0 ? idx + 1 : -idx - 1;
    }

    int columnOf(int offset) {
        int o = Math.min(offset, src.length());
        return o - lineStarts[lineOf(o) - 1] + 1;
    }

    SourceSpan span(int start, int end) {
        return new SourceSpan(file, lineOf(start), columnOf(start), lineOf(end), columnOf(end));
    }

    SourceSpan spanAt(int offset) {
        return span(offset, offset);
    }

    void error(int start, int end, String message, String hint) {
        errorCount++;
        if (errorCount <= MAX_ERRORS) {
            diagnostics.add(Diagnostic.error(span(start, end), message, hint));
        }
    }

    void error(SourceSpan span, String message, String hint) {
        errorCount++;
        if (errorCount <= MAX_ERRORS) {
            diagnostics.add(Diagnostic.error(span, message, hint));
        }
    }

    /** Records an error and unwinds to the nearest recovery point. */
    ParseError fail(int start, int end, String message, String hint) {
        error(start, end, message, hint);
        return ParseError.INSTANCE;
    }

    boolean tooManyErrors() {
        return errorCount >= MAX_ERRORS;
    }

    // ---- characters ----------------------------------------------------------------------

    boolean eof() {
        return pos >= src.length();
    }

    char peek() {
        return pos < src.length() ? src.charAt(pos) : '\0';
    }

    char peek(int ahead) {
        int p = pos + ahead;
        return p < src.length() ? src.charAt(p) : '\0';
    }

    boolean lookingAt(String s) {
        return src.startsWith(s, pos);
    }

    boolean accept(char c) {
        if (peek() == c && !eof()) {
            pos++;
            return true;
        }
        return false;
    }

    void expect(char c, String what) {
        skipInline();
        if (!accept(c)) {
            throw fail(pos, pos + 1, "expected `" + c + "` " + what + ", found " + describeHere(), null);
        }
    }

    /** A short description of what stands at the current position, for "expected X, found Y". */
    String describeHere() {
        if (eof()) {
            return "the end of the file";
        }
        char c = peek();
        if (c == '\n' || c == '\r') {
            return "the end of the line";
        }
        if (isIdentStart(c)) {
            int save = pos;
            String word = identifier();
            pos = save;
            return "`" + word + "`";
        }
        return "`" + c + "`";
    }

    static boolean isIdentStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    static boolean isIdentPart(char c) {
        return isIdentStart(c) || (c >= '0' && c <= '9');
    }

    // ---- trivia --------------------------------------------------------------------------

    /** Skips spaces, tabs, {@code {// … //}} and a trailing {@code //} comment; stops at a newline. */
    void skipInline() {
        while (!eof()) {
            char c = peek();
            if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
                pos++;
            } else if (c == '/' && peek(1) == '/') {
                while (!eof() && peek() != '\n') {
                    pos++;
                }
            } else if (c == '{' && peek(1) == '/' && peek(2) == '/') {
                skipBlockComment();
            } else {
                return;
            }
        }
    }

    private void skipBlockComment() {
        int start = pos;
        int end = src.indexOf("//}", pos + 3);
        if (end < 0) {
            pos = src.length();
            error(start, start + 3, "unclosed block comment", "end it with `//}`");
        } else {
            pos = end + 3;
        }
    }

    /** Skips whitespace, newlines and comments, keeping the last run of {@code ///} lines. */
    void skipTrivia() {
        pendingDoc = null;
        while (!eof()) {
            char c = peek();
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f') {
                if (c == '\n' && pendingDoc != null && blankLineFollows()) {
                    pendingDoc = null;
                }
                pos++;
            } else if (c == '/' && peek(1) == '/' && peek(2) == '/' && peek(3) != '/') {
                int lineEnd = lineEnd();
                String text = src.substring(pos + 3, lineEnd);
                if (pendingDoc == null) {
                    pendingDoc = new StringBuilder();
                } else {
                    pendingDoc.append('\n');
                }
                pendingDoc.append(text.startsWith(" ") ? text.substring(1) : text);
                pos = lineEnd;
            } else if (c == '/' && peek(1) == '/') {
                pos = lineEnd();
            } else if (c == '{' && peek(1) == '/' && peek(2) == '/') {
                skipBlockComment();
            } else {
                return;
            }
        }
    }

    private boolean blankLineFollows() {
        int p = pos + 1;
        while (p < src.length() && (src.charAt(p) == ' ' || src.charAt(p) == '\t' || src.charAt(p) == '\r')) {
            p++;
        }
        return p < src.length() && src.charAt(p) == '\n';
    }

    /** The doc comment collected by the last {@link #skipTrivia()}, consumed. */
    String takeDoc() {
        String doc = pendingDoc == null ? null : pendingDoc.toString();
        pendingDoc = null;
        return doc;
    }

    int lineEnd() {
        int nl = src.indexOf('\n', pos);
        return nl < 0 ? src.length() : nl;
    }

    boolean atLineEnd() {
        skipInline();
        return eof() || peek() == '\n';
    }

    /** Requires the rest of the line to be empty: BAML block members each take their own line. */
    void expectLineEnd(String after) {
        if (!atLineEnd()) {
            int start = pos;
            String rest = src.substring(start, lineEnd());
            int comment = rest.indexOf("//");
            rest = (comment >= 0 ? rest.substring(0, comment) : rest).strip();
            throw fail(start, start + Math.max(1, rest.length()), "unexpected `" + abbreviate(rest) + "` after " + after,
                    "each member of a block must be on its own line");
        }
    }

    /** Moves to the start of the next line (error recovery). */
    void skipLine() {
        pos = lineEnd();
        if (!eof()) {
            pos++;
        }
    }

    static String abbreviate(String s) {
        String oneLine = s.replace('\n', ' ');
        return oneLine.length() > 40 ? oneLine.substring(0, 37) + "..." : oneLine;
    }

    // ---- tokens --------------------------------------------------------------------------

    /** An identifier: a letter or {@code _}, then letters, digits, {@code _} or {@code -} (not {@code ->}). */
    String identifier() {
        int start = pos;
        if (!isIdentStart(peek())) {
            return null;
        }
        pos++;
        while (!eof()) {
            char c = peek();
            if (isIdentPart(c) || (c == '-' && peek(1) != '>' && isIdentPart(peek(1)))) {
                pos++;
            } else {
                break;
            }
        }
        return src.substring(start, pos);
    }

    String expectIdentifier(String what) {
        skipInline();
        int start = pos;
        String id = identifier();
        if (id == null) {
            throw fail(start, start + 1, "expected " + what + ", found " + describeHere(), null);
        }
        return id;
    }

    /** A dotted name ({@code stream.done}) or a {@code a::b} path. */
    String dottedName() {
        String first = identifier();
        if (first == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(first);
        while ((peek() == '.' && isIdentStart(peek(1))) || (peek() == ':' && peek(1) == ':' && isIdentStart(peek(2)))) {
            String sep = peek() == '.' ? "." : "::";
            pos += sep.length();
            sb.append(sep).append(identifier());
        }
        return sb.toString();
    }

    boolean atQuotedString() {
        return peek() == '"';
    }

    /** The number of {@code #} before a {@code "} at the current position, or 0 if no raw string starts here. */
    int rawStringHashes() {
        int p = pos;
        while (p < src.length() && src.charAt(p) == '#') {
            p++;
        }
        return p > pos && p < src.length() && src.charAt(p) == '"' ? p - pos : 0;
    }
}
