package dev.baml4j.runtime;

import dev.baml4j.provider.Usage;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One attempt at a model client within a function call, as the {@link Collector} records it.
 *
 * @param clientName   the leaf client's name (never a strategy)
 * @param provider     its provider ({@code aws-bedrock})
 * @param status       what happened to the attempt
 * @param httpStatus   the HTTP status of a failed attempt, when the service answered
 * @param errorCode    the service's error code ({@code ThrottlingException}), when it said one
 * @param errorMessage the first line of the failure's message, or null on success
 * @param usage        token counts of a successful attempt ({@link Usage#UNKNOWN} otherwise)
 * @param rawRequest   the request as sent, with secrets redacted, when the provider reported it
 * @param rawResponse  the response as received, when the provider reported it
 * @param selected     whether this attempt's reply became the function's result
 */
public record LlmCall(String clientName, String provider, Instant startTime, Duration latency, Status status,
        Integer httpStatus, String errorCode, String errorMessage, Usage usage, String rawRequest,
        String rawResponse, boolean selected) {

    /** How an attempt ended. */
    public enum Status {
        /** A reply came back (it may still fail parsing or the finish-reason check). */
        SUCCESS,
        /** The request failed: an HTTP error, a timeout, a connection failure. */
        FAILED,
        /** The client could not be built (a missing env var, a bad option); nothing was sent. */
        UNAVAILABLE,
        /** The call was cancelled or its strategy's total timeout expired while the attempt ran. */
        CANCELLED
    }

    public LlmCall {
        Objects.requireNonNull(clientName, "clientName");
        Objects.requireNonNull(status, "status");
        usage = usage == null ? Usage.UNKNOWN : usage;
    }

    /** The same attempt, marked as the one whose reply became the result. */
    public LlmCall asSelected() {
        return new LlmCall(clientName, provider, startTime, latency, status, httpStatus, errorCode, errorMessage,
                usage, rawRequest, rawResponse, true);
    }
}
