package dev.baml4j.lang;

import dev.baml4j.BamlConfigException;
import java.util.List;

/** The result of compiling sources: the project when there were no errors, and every diagnostic. */
public record Compilation(BamlProject project, List<Diagnostic> diagnostics) {

    public Compilation {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    /** The project, or a {@link BamlConfigException} carrying every diagnostic. */
    public BamlProject projectOrThrow() {
        if (project == null || hasErrors()) {
            throw new BamlConfigException(diagnostics);
        }
        return project;
    }
}
