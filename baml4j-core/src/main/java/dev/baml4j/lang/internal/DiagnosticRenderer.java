package dev.baml4j.lang.internal;

import dev.baml4j.lang.Diagnostic;
import dev.baml4j.types.SourceSpan;
import java.util.Locale;
import java.util.Map;

/** Prints a diagnostic the way compilers do: location, message, the line, a caret, the fix. */
public final class DiagnosticRenderer {

    private static final int MAX_LINE = 200;

    private DiagnosticRenderer() {
    }

    public static String render(Diagnostic d, Map<String, String> sourcesByPath) {
        SourceSpan span = d.span();
        StringBuilder sb = new StringBuilder();
        sb.append(span).append(": ").append(d.severity().name().toLowerCase(Locale.ROOT)).append(": ")
                .append(d.message());
        String source = sourcesByPath == null ? null : sourcesByPath.get(span.file());
        String line = span.isKnown() && source != null ? line(source, span.line()) : null;
        if (line != null) {
            int col = Math.max(1, Math.min(span.column(), line.length() + 1));
            String shown = line.length() > MAX_LINE ? line.substring(0, MAX_LINE) : line;
            sb.append('\n').append("    ").append(shown.replace("\r", ""));
            StringBuilder pad = new StringBuilder("    ");
            for (int i = 0; i < col - 1 && i < shown.length(); i++) {
                pad.append(shown.charAt(i) == '\t' ? '\t' : ' ');
            }
            int width = 1;
            if (span.endLine() == span.line() && span.endColumn() > span.column()) {
                width = Math.min(span.endColumn() - span.column(), Math.max(1, shown.length() - (col - 1)));
            }
            sb.append('\n').append(pad).append("^".repeat(Math.max(1, width)));
        }
        if (d.hint() != null && !d.hint().isEmpty()) {
            sb.append('\n').append("  help: ").append(d.hint());
        }
        return sb.toString();
    }

    private static String line(String source, int lineNo) {
        int start = 0;
        for (int i = 1; i < lineNo; i++) {
            int nl = source.indexOf('\n', start);
            if (nl < 0) {
                return null;
            }
            start = nl + 1;
        }
        int end = source.indexOf('\n', start);
        return source.substring(start, end < 0 ? source.length() : end);
    }
}
