package dev.baml4j.cli;

/**
 * A problem the user can fix (a missing directory, an unreadable file): printed as its message
 * alone, exit code 1.
 */
public class UserError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UserError(String message) {
        super(message);
    }

    public UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
