package dev.baml4j.runtime.internal;

import dev.baml4j.BamlClientException;
import dev.baml4j.BamlClientHttpException;
import dev.baml4j.BamlException;
import dev.baml4j.BamlTimeoutException;
import dev.baml4j.runtime.LlmCall;
import java.util.List;

/**
 * The failure a caller sees after several attempts: the last attempt's exception (same class, same
 * status, error code and request id), its message followed by one line per attempt: client,
 * status, AWS error code, latency and time. With one attempt the exception is left as it is.
 */
public final class AttemptSummary {

    private AttemptSummary() {
    }

    public static RuntimeException finalFailure(Throwable failure, List<LlmCall> attempts) {
        Throwable t = Failures.unwrap(failure);
        if (t instanceof ClientUnavailableException u) {
            t = u.getCause();
        }
        RuntimeException e = Failures.asRuntime(t);
        if (attempts.size() < 2) {
            return e;
        }
        String message = e.getMessage() + "\n" + describe(attempts);
        RuntimeException copy = rebuilt(e, message);
        if (copy == null) {
            e.addSuppressed(new BamlException(describe(attempts)));
            return e;
        }
        copy.setStackTrace(e.getStackTrace());
        for (Throwable s : e.getSuppressed()) {
            copy.addSuppressed(s);
        }
        return copy;
    }

    /** {@code N attempts:} then one indented line per attempt. */
    public static String describe(List<LlmCall> attempts) {
        StringBuilder sb = new StringBuilder().append(attempts.size()).append(" attempts:");
        int i = 1;
        for (LlmCall a : attempts) {
            sb.append("\n  ").append(i++).append(". ").append(a.clientName());
            if (a.provider() != null) {
                sb.append(" (").append(a.provider()).append(')');
            }
            sb.append(' ').append(a.status().name().toLowerCase(java.util.Locale.ROOT));
            if (a.httpStatus() != null) {
                sb.append(" status ").append(a.httpStatus());
            }
            if (a.errorCode() != null) {
                sb.append(' ').append(a.errorCode());
            }
            sb.append(" after ").append(a.latency().toMillis()).append(" ms at ").append(a.startTime());
            if (a.errorMessage() != null) {
                sb.append(": ").append(a.errorMessage());
            }
        }
        return sb.toString();
    }

    /** The same exception class with a new message; null for classes this runtime does not own. */
    private static RuntimeException rebuilt(RuntimeException e, String message) {
        Class<?> c = e.getClass();
        if (c == BamlClientHttpException.class) {
            BamlClientHttpException h = (BamlClientHttpException) e;
            return new BamlClientHttpException(h.clientName(), message, h.statusCode(), h.errorCode(), h.requestId(),
                    h.rawBody(), h.isRetryable(), h.getCause());
        } else if (c == BamlTimeoutException.class) {
            BamlTimeoutException to = (BamlTimeoutException) e;
            return new BamlTimeoutException(to.clientName(), message, to.getCause());
        } else if (c == BamlClientException.class) {
            BamlClientException ce = (BamlClientException) e;
            return new BamlClientException(ce.clientName(), message, ce.isRetryable(), ce.getCause());
        } else if (c == BamlException.class) {
            return new BamlException(message, e.getCause());
        }
        return null;
    }
}
