package dev.baml4j.runtime.internal;

import dev.baml4j.BamlClientException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** How the strategies classify failures: what is retried, what a fallback moves on from. */
public final class Failures {

    private Failures() {
    }

    /** Strips the wrappers {@link java.util.concurrent.CompletableFuture} adds. */
    public static Throwable unwrap(Throwable t) {
        Throwable e = t;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    /** Only failures the client marks retryable: throttling, 5xx, timeouts, connection errors. */
    public static boolean isRetryable(Throwable t) {
        Throwable e = unwrap(t);
        return e instanceof BamlClientException c && c.isRetryable();
    }

    /**
     * A fallback moves on after any client failure, including a child that could not be built;
     * never after a finish-reason, validation, argument or cancellation error.
     */
    public static boolean movesOn(Throwable t) {
        Throwable e = unwrap(t);
        return e instanceof BamlClientException || e instanceof ClientUnavailableException;
    }

    static RuntimeException asRuntime(Throwable t) {
        Throwable e = unwrap(t);
        if (e instanceof RuntimeException r) {
            return r;
        }
        if (e instanceof Error err) {
            throw err;
        }
        return new CompletionException(e);
    }
}
