package dev.baml4j.codegen;

import java.nio.file.Path;
import java.util.List;

/**
 * What a generation run did on disk: files written (new or changed), files left alone because
 * their content was already right, and stale generated files removed.
 */
public record GenerationResult(List<Path> written, List<Path> unchanged, List<Path> deleted) {
    public GenerationResult {
        written = List.copyOf(written);
        unchanged = List.copyOf(unchanged);
        deleted = List.copyOf(deleted);
    }

    public int fileCount() {
        return written.size() + unchanged.size();
    }
}
