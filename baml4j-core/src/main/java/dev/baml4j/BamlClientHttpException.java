package dev.baml4j;

/** The service answered with an error: the real HTTP status, the AWS error code, the request id, the raw body. */
public class BamlClientHttpException extends BamlClientException {

    private static final long serialVersionUID = 1L;

    private final int statusCode;
    private final String errorCode;
    private final String requestId;
    private final String rawBody;

    public BamlClientHttpException(String clientName, String message, int statusCode, String errorCode,
            String requestId, String rawBody, boolean retryable, Throwable cause) {
        super(clientName, message, retryable, cause);
        this.statusCode = statusCode;
        this.errorCode = errorCode;
        this.requestId = requestId;
        this.rawBody = rawBody;
    }

    public int statusCode() {
        return statusCode;
    }

    /** The AWS error type ({@code ThrottlingException}), or null when the reply had none. */
    public String errorCode() {
        return errorCode;
    }

    public String requestId() {
        return requestId;
    }

    public String rawBody() {
        return rawBody;
    }
}
