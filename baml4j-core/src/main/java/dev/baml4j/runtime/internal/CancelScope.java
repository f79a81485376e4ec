package dev.baml4j.runtime.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A cancellation scope: hooks run once when it is cancelled, with the reason. Scopes nest, so a
 * strategy's total timeout can cancel its own attempts while a caller's cancel reaches everything.
 * Hooks are removed when the work they guard ends, so long-lived scopes do not grow.
 */
public final class CancelScope {

    private final Set<Consumer<Throwable>> hooks = new LinkedHashSet<>();
    private Throwable reason;
    private volatile Registration parentRegistration;

    private CancelScope() {
    }

    public static CancelScope root() {
        return new CancelScope();
    }

    /** A scope cancelled with this one; {@link #detach()} it when its work is over. */
    public CancelScope child() {
        CancelScope child = new CancelScope();
        child.parentRegistration = onCancel(child::cancel);
        return child;
    }

    /** Stops following the parent scope, so a long-lived parent does not keep finished children. */
    public void detach() {
        Registration r = parentRegistration;
        if (r != null) {
            r.remove();
        }
    }

    public synchronized boolean isCancelled() {
        return reason != null;
    }

    public synchronized Throwable reason() {
        return reason;
    }

    /** Runs {@code hook} when cancelled (right away if already cancelled). */
    public Registration onCancel(Consumer<Throwable> hook) {
        Throwable already;
        synchronized (this) {
            already = reason;
            if (already == null) {
                hooks.add(hook);
            }
        }
        if (already != null) {
            hook.accept(already);
            return () -> { };
        }
        return () -> {
            synchronized (this) {
                hooks.remove(hook);
            }
        };
    }

    public void cancel(Throwable why) {
        List<Consumer<Throwable>> toRun;
        synchronized (this) {
            if (reason != null) {
                return;
            }
            reason = why;
            toRun = new ArrayList<>(hooks);
            hooks.clear();
        }
        for (Consumer<Throwable> hook : toRun) {
            hook.accept(why);
        }
    }

    /** Detaches a hook once the work it guards is over. */
    @FunctionalInterface
    public interface Registration {
        void remove();
    }
}
