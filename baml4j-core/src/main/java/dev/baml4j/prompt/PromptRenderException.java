package dev.baml4j.prompt;

import dev.baml4j.BamlException;

/**
 * A prompt template failed to parse or render: an attribute of an undefined value, an unknown
 * filter, a bad {@code ctx.output_format} option. The message names the function, the
 * {@code .baml} location of the template line and the cause.
 */
public class PromptRenderException extends BamlException {

    private static final long serialVersionUID = 1L;

    private final String functionName;
    private final String location;

    public PromptRenderException(String functionName, String location, String cause) {
        super("Error rendering the prompt of function " + functionName
                + (location == null ? "" : " at " + location) + ": " + cause);
        this.functionName = functionName;
        this.location = location;
    }

    public String functionName() {
        return functionName;
    }

    /** {@code file:line} of the failing template line, or null when unknown. */
    public String location() {
        return location;
    }
}
