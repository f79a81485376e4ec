package dev.baml4j.lang;

import dev.baml4j.types.SourceSpan;
import java.util.Objects;

/**
 * One problem found in {@code .baml} sources: where ({@code file:line:col}), what, and how to fix it.
 *
 * <pre>{@code
 * main.baml:3:5: error: unknown type `Resme`
 *     name Resme
 *          ^
 *   help: did you mean `Resume`?
 * }</pre>
 */
public record Diagnostic(Severity severity, String message, SourceSpan span, String hint) {

    public enum Severity { ERROR, WARNING }

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(span, "span");
    }

    public static Diagnostic error(SourceSpan span, String message, String hint) {
        return new Diagnostic(Severity.ERROR, message, span, hint);
    }

    public static Diagnostic warning(SourceSpan span, String message, String hint) {
        return new Diagnostic(Severity.WARNING, message, span, hint);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code file:line:col: error: message (help: hint)} on one line. */
    @Override
    public String toString() {
        return span + ": " + severity.name().toLowerCase(java.util.Locale.ROOT) + ": " + message
                + (hint == null ? "" : " (help: " + hint + ")");
    }
}
