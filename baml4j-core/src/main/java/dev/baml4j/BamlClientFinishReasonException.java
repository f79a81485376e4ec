package dev.baml4j;

/**
 * The model stopped for a reason the client's {@code finish_reason_allow_list} or
 * {@code finish_reason_deny_list} rejects. Never retried and never fallen back from.
 */
public class BamlClientFinishReasonException extends BamlException {

    private static final long serialVersionUID = 1L;

    private final String clientName;
    private final String finishReason;
    private final String rawOutput;

    public BamlClientFinishReasonException(String clientName, String message, String finishReason, String rawOutput) {
        super(message);
        this.clientName = clientName;
        this.finishReason = finishReason;
        this.rawOutput = rawOutput;
    }

    public String clientName() {
        return clientName;
    }

    public String finishReason() {
        return finishReason;
    }

    public String rawOutput() {
        return rawOutput;
    }
}
