package dev.baml4j;

/**
 * The call was cancelled (a {@link dev.baml4j.runtime.Cancellation}, a cancelled future, or a
 * closed stream) before it finished. Never retried and never fallen back from.
 */
public class BamlAbortException extends BamlException {

    private static final long serialVersionUID = 1L;

    public BamlAbortException(String message) {
        super(message);
    }
}
