package dev.baml4j;

/** A connect, request, first-token, idle or total timeout expired. Retryable. */
public class BamlTimeoutException extends BamlClientException {

    private static final long serialVersionUID = 1L;

    public BamlTimeoutException(String clientName, String message, Throwable cause) {
        super(clientName, message, true, cause);
    }
}
