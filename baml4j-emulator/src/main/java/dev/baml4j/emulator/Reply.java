package dev.baml4j.emulator;

import java.time.Duration;

/**
 * What the emulated model answers. Every field is optional: {@code null} means "the default"
 * (the echo text, {@code end_turn}, token counts estimated from the text, no cache usage,
 * about one delta per word, no delays).
 *
 * <pre>{@code
 * Reply reply = Reply.text("{\"name\": \"Ada\"}").withStopReason("max_tokens").withDeltas(5);
 * }</pre>
 *
 * @param text the reply text; {@code null} echoes the last user text
 * @param stopReason the {@code stopReason} (any string is passed through)
 * @param inputTokens usage input tokens
 * @param outputTokens usage output tokens
 * @param cacheReadInputTokens usage cache read tokens, omitted from the reply when {@code null}
 * @param cacheWriteInputTokens usage cache write tokens, omitted from the reply when {@code null}
 * @param deltas number of {@code contentBlockDelta} events in a stream
 * @param firstByteDelayMs delay before the first byte of the reply
 * @param deltaDelayMs delay between two stream deltas
 */
public record Reply(
    String text,
    String stopReason,
    Integer inputTokens,
    Integer outputTokens,
    Integer cacheReadInputTokens,
    Integer cacheWriteInputTokens,
    Integer deltas,
    Long firstByteDelayMs,
    Long deltaDelayMs) {

  /** The default reply: echo the last user text. */
  public static final Reply ECHO = new Reply(null, null, null, null, null, null, null, null, null);

  public Reply {
    if (deltas != null && deltas < 1) {
      throw new IllegalArgumentException("deltas must be at least 1, got " + deltas);
    }
    if (firstByteDelayMs != null && firstByteDelayMs < 0 || deltaDelayMs != null && deltaDelayMs < 0) {
      throw new IllegalArgumentException("delays must not be negative");
    }
  }

  /** A reply with this text and defaults for everything else. */
  public static Reply text(String text) {
    return ECHO.withText(text);
  }

  public Reply withText(String value) {
    return new Reply(value, stopReason, inputTokens, outputTokens, cacheReadInputTokens,
        cacheWriteInputTokens, deltas, firstByteDelayMs, deltaDelayMs);
  }

  public Reply withStopReason(String value) {
    return new Reply(text, value, inputTokens, outputTokens, cacheReadInputTokens,
        cacheWriteInputTokens, deltas, firstByteDelayMs, deltaDelayMs);
  }

  public Reply withUsage(int input, int output) {
    return new Reply(text, stopReason, input, output, cacheReadInputTokens,
        cacheWriteInputTokens, deltas, firstByteDelayMs, deltaDelayMs);
  }

  public Reply withCacheUsage(Integer read, Integer write) {
    return new Reply(text, stopReason, inputTokens, outputTokens, read, write, deltas,
        firstByteDelayMs, deltaDelayMs);
  }

  public Reply withDeltas(int value) {
    return new Reply(text, stopReason, inputTokens, outputTokens, cacheReadInputTokens,
        cacheWriteInputTokens, value, firstByteDelayMs, deltaDelayMs);
  }

  public Reply withFirstByteDelay(Duration value) {
    return new Reply(text, stopReason, inputTokens, outputTokens, cacheReadInputTokens,
        cacheWriteInputTokens, deltas, value.toMillis(), deltaDelayMs);
  }

  public Reply withDeltaDelay(Duration value) {
    return new Reply(text, stopReason, inputTokens, outputTokens, cacheReadInputTokens,
        cacheWriteInputTokens, deltas, firstByteDelayMs, value.toMillis());
  }

  /** This reply with every non-null field of {@code top} laid over it. */
  public Reply overlaidWith(Reply top) {
    if (top == null) {
      return this;
    }
    return new Reply(
        top.text != null ? top.text : text,
        top.stopReason != null ? top.stopReason : stopReason,
        top.inputTokens != null ? top.inputTokens : inputTokens,
        top.outputTokens != null ? top.outputTokens : outputTokens,
        top.cacheReadInputTokens != null ? top.cacheReadInputTokens : cacheReadInputTokens,
        top.cacheWriteInputTokens != null ? top.cacheWriteInputTokens : cacheWriteInputTokens,
        top.deltas != null ? top.deltas : deltas,
        top.firstByteDelayMs != null ? top.firstByteDelayMs : firstByteDelayMs,
        top.deltaDelayMs != null ? top.deltaDelayMs : deltaDelayMs);
  }
}
