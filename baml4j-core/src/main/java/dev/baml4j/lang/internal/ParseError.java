package dev.baml4j.lang.internal;

/**
 * Unwinds the parser to the nearest recovery point after a diagnostic has been recorded. It is
 * control flow, not a failure: it never leaves the parser, so it carries no stack trace.
 */
final class ParseError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    static final ParseError INSTANCE = new ParseError();

    private ParseError() {
        super("parse error (already reported)", null, false, false);
    }
}
