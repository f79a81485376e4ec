package dev.baml4j.runtime.internal;

/**
 * A client in the tree could not be built (a missing env var, an unknown client name, an option
 * the provider rejects). It fails that child only: a fallback moves on. Unwrapped to its cause
 * before a user sees it.
 */
public final class ClientUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String clientName;

    public ClientUnavailableException(String clientName, RuntimeException cause) {
        super("client " + clientName + " could not be built: " + cause.getMessage(), cause);
        this.clientName = clientName;
    }

    public String clientName() {
        return clientName;
    }

    @Override
    public synchronized RuntimeException getCause() {
        return (RuntimeException) super.getCause();
    }
}
