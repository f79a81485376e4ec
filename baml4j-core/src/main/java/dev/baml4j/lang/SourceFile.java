package dev.baml4j.lang;

import java.util.Objects;

/** A {@code .baml} file's path (as shown in diagnostics) and its text. */
public record SourceFile(String path, String text) {
    public SourceFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(text, "text");
    }
}
