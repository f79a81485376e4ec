package dev.baml4j.prompt.internal;

/** An error raised while a template runs (an undefined attribute, a bad helper call). */
public final class TemplateRuntimeError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TemplateRuntimeError(String message) {
        super(message);
    }
}
