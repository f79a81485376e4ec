package dev.baml4j.types;

import java.util.Objects;

/**
 * Where something stands in a {@code .baml} file: 1-based line and column of its start and end.
 * {@code toString()} gives the {@code file:line:col} form every diagnostic uses.
 */
public record SourceSpan(String file, int line, int column, int endLine, int endColumn) {

    /** A span for values that do not come from a file (a client registry, generated code). */
    public static final SourceSpan NONE = new SourceSpan("<runtime>", 0, 0, 0, 0);

    public SourceSpan {
        Objects.requireNonNull(file, "file");
    }

    public static SourceSpan at(String file, int line, int column) {
        return new SourceSpan(file, line, column, line, column);
    }

    public boolean isKnown() {
        return line > 0;
    }

    @Override
    public String toString() {
        return isKnown() ? file + ":" + line + ":" + column : file;
    }
}
