package dev.baml4j;

import dev.baml4j.lang.Diagnostic;
import java.util.List;
import java.util.stream.Collectors;

/** The project (or a client given at run time) is invalid; carries every diagnostic. */
public class BamlConfigException extends BamlException {

    private static final long serialVersionUID = 1L;

    private final transient List<Diagnostic> diagnostics;

    public BamlConfigException(List<Diagnostic> diagnostics) {
        super(summary(diagnostics));
        this.diagnostics = List.copyOf(diagnostics);
    }

    public BamlConfigException(Diagnostic diagnostic) {
        this(List.of(diagnostic));
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    private static String summary(List<Diagnostic> diagnostics) {
        List<Diagnostic> errors = diagnostics.stream().filter(Diagnostic::isError).collect(Collectors.toList());
        if (errors.isEmpty()) {
            return "invalid BAML project";
        }
        return errors.stream().map(Diagnostic::toString).collect(Collectors.joining("\n"));
    }
}
