package dev.baml4j;

/**
 * The root of every baml4j error. Unchecked, like the AWS SDK's. Messages name the function,
 * the client, the option and, where known, the {@code .baml} location, and say what to do.
 */
public class BamlException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BamlException(String message) {
        super(message);
    }

    public BamlException(String message, Throwable cause) {
        super(message, cause);
    }
}
