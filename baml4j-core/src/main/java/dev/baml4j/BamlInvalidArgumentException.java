package dev.baml4j;

/** A function was called with a missing, unknown or wrongly typed argument; nothing was sent. */
public class BamlInvalidArgumentException extends BamlException {

    private static final long serialVersionUID = 1L;

    public BamlInvalidArgumentException(String message) {
        super(message);
    }
}
