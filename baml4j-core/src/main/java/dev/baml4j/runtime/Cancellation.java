package dev.baml4j.runtime;

import dev.baml4j.runtime.internal.CancelScope;

/**
 * A token that cancels the calls it is given to (through {@link CallOptions.Builder#cancellation}).
 * Cancelling aborts in-flight HTTP requests and streams, drops pending retries, and fails the
 * calls with {@link dev.baml4j.BamlAbortException}. One token may serve many calls.
 *
 * <pre>{@code
 * Cancellation stop = new Cancellation();
 * CompletableFuture<BamlValue> f = rt.callAsync("Summarize", args, CallOptions.builder().cancellation(stop).build());
 * stop.cancel("user left the page");
 * }</pre>
 */
public final class Cancellation {

    private final CancelScope scope = CancelScope.root();

    public void cancel() {
        cancel("cancelled by the caller");
    }

    public void cancel(String reason) {
        scope.cancel(new dev.baml4j.BamlAbortException(reason));
    }

    public boolean isCancelled() {
        return scope.isCancelled();
    }

    /** The scope calls attach to; internal. */
    CancelScope scope() {
        return scope;
    }
}
