package dev.baml4j.lang.internal;

/**
 * Unwinds the parser to the top level, past every inner recovery point, after an error that
 * leaves the current declaration unreadable (nesting past the depth limit). The error is already
 * recorded; the top level skips to the next declaration.
 */
final class DeclarationAbandoned extends RuntimeException {

    private static final long serialVersionUID = 1L;

    static final DeclarationAbandoned INSTANCE = new DeclarationAbandoned();

    private DeclarationAbandoned() {
        super("declaration abandoned (already reported)", null, false, false);
    }
}
