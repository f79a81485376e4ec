package dev.baml4j.codegen;

import java.util.Objects;

/** One generated source: its path under the output directory ({@code com/example/Resume.java}) and its text. */
public record GeneratedFile(String relativePath, String content) {
    public GeneratedFile {
        Objects.requireNonNull(relativePath, "relativePath");
        Objects.requireNonNull(content, "content");
    }
}
