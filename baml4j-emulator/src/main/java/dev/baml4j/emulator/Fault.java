package dev.baml4j.emulator;

/**
 * A failure the emulator injects instead of (or in the middle of) a normal reply.
 *
 * <pre>{@code
 * Fault.httpError(429, "ThrottlingException", "Too many requests, please wait before trying again.");
 * Fault.streamException("throttlingException", "Too many tokens", 2);
 * Fault.of(Fault.Kind.RESET);
 * }</pre>
 *
 * @param kind what goes wrong
 * @param status HTTP status, for {@link Kind#HTTP_ERROR}
 * @param errorType AWS error type: the {@code x-amzn-errortype} of an HTTP error (none when
 *     {@code null}), or the {@code :exception-type} of a stream exception
 * @param message the error message
 * @param afterDeltas stream faults happen after this many {@code contentBlockDelta} events
 * @param body the body of a {@link Kind#NOT_JSON} reply
 */
public record Fault(Kind kind, Integer status, String errorType, String message, int afterDeltas, String body) {

  /** The kinds of fault. */
  public enum Kind {
    /** Any status with an {@code x-amzn-errortype} header and a {@code {"message"}} body. */
    HTTP_ERROR,
    /** A {@code :message-type exception} event in a stream, after {@code afterDeltas} deltas. */
    STREAM_EXCEPTION,
    /** The TCP connection is reset (RST), after {@code afterDeltas} deltas for a stream. */
    RESET,
    /** Nothing more is sent (the connection stays open), after {@code afterDeltas} deltas. */
    STALL,
    /** Half an event frame, then the connection closes (streams); a short body (Converse). */
    TRUNCATED_FRAME,
    /** An event frame whose message CRC is wrong (streams); a corrupt body (Converse). */
    BAD_CRC,
    /** A 200 reply whose body is not JSON (Converse); an event with a non-JSON payload (streams). */
    NOT_JSON
  }

  public Fault {
    if (kind == null) {
      throw new IllegalArgumentException("fault kind is required");
    }
    if (afterDeltas < 0) {
      throw new IllegalArgumentException("afterDeltas must not be negative, got " + afterDeltas);
    }
    if (kind == Kind.STREAM_EXCEPTION && errorType == null) {
      errorType = "internalServerException";
    }
    if (kind == Kind.HTTP_ERROR && status == null) {
      status = ErrorTypes.statusOf(errorType);
    }
    if (message == null && (kind == Kind.HTTP_ERROR || kind == Kind.STREAM_EXCEPTION)) {
      message = ErrorTypes.defaultMessage(errorType, status);
    }
    if (kind == Kind.NOT_JSON && body == null) {
      body = "<html><body>502 Bad Gateway</body></html>";
    }
  }

  /** An error reply: {@code status}, {@code x-amzn-errortype: errorType} and {@code {"message"}}. */
  public static Fault httpError(int status, String errorType, String message) {
    return new Fault(Kind.HTTP_ERROR, status, errorType, message, 0, null);
  }

  /** An exception event (for example {@code throttlingException}) after {@code afterDeltas} deltas. */
  public static Fault streamException(String exceptionType, String message, int afterDeltas) {
    return new Fault(Kind.STREAM_EXCEPTION, null, exceptionType, message, afterDeltas, null);
  }

  /** A fault of this kind at the start of the reply. */
  public static Fault of(Kind kind) {
    return new Fault(kind, null, null, null, 0, null);
  }

  /** A fault of this kind after {@code afterDeltas} stream deltas. */
  public static Fault after(Kind kind, int afterDeltas) {
    return new Fault(kind, null, null, null, afterDeltas, null);
  }

  /** A 200 Converse reply with this non-JSON body. */
  public static Fault notJson(String body) {
    return new Fault(Kind.NOT_JSON, null, null, null, 0, body);
  }
}
