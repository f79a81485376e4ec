package dev.baml4j;

/** The LLM's reply could not be parsed into the function's return type. Never retried. */
public class BamlValidationException extends BamlException {

    private static final long serialVersionUID = 1L;

    private final String prompt;
    private final String rawOutput;

    public BamlValidationException(String message, String prompt, String rawOutput) {
        super(message);
        this.prompt = prompt;
        this.rawOutput = rawOutput;
    }

    /** The rendered prompt, or null for parse-only calls. */
    public String prompt() {
        return prompt;
    }

    public String rawOutput() {
        return rawOutput;
    }
}
