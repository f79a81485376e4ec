package dev.baml4j;

/**
 * Calling the LLM client failed. {@link #isRetryable()} says whether a {@code retry_policy}
 * may try again (throttling, 5xx, timeouts, connection failures).
 */
public class BamlClientException extends BamlException {

    private static final long serialVersionUID = 1L;

    private final String clientName;
    private final boolean retryable;

    public BamlClientException(String clientName, String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.clientName = clientName;
        this.retryable = retryable;
    }

    public String clientName() {
        return clientName;
    }

    public boolean isRetryable() {
        return retryable;
    }
}
