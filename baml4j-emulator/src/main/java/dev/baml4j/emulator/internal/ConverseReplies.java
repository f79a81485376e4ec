package dev.baml4j.emulator.internal;

import java.nio.charset.StandardCharsets;

/**
 * The JSON bodies of Converse replies and ConverseStream events, in Bedrock's shapes. Written by
 * hand: they are small, fixed shapes on the hot path (a 10,000-delta stream is 10,000 of them).
 */
final class ConverseReplies {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private ConverseReplies() {}

  static byte[] converse(Behaviour.Plan plan, long latencyMs) {
    StringBuilder sb = new StringBuilder(160 + plan.text().length());
    sb.append("{\"output\":{\"message\":{\"role\":\"assistant\",\"content\":[{\"text\":");
    quote(sb, plan.text());
    sb.append("}]}},\"stopReason\":");
    quote(sb, plan.stopReason());
    sb.append(',');
    usage(sb, plan);
    sb.append(",\"metrics\":{\"latencyMs\":").append(latencyMs).append("}}");
    return utf8(sb);
  }

  static byte[] messageStart() {
    return "{\"role\":\"assistant\"}".getBytes(StandardCharsets.UTF_8);
  }

  static byte[] delta(String text) {
    StringBuilder sb = new StringBuilder(48 + text.length());
    sb.append("{\"contentBlockIndex\":0,\"delta\":{\"text\":");
    quote(sb, text);
    sb.append("}}");
    return utf8(sb);
  }

  static byte[] contentBlockStop() {
    return "{\"contentBlockIndex\":0}".getBytes(StandardCharsets.UTF_8);
  }

  static byte[] messageStop(String stopReason) {
    StringBuilder sb = new StringBuilder(32 + stopReason.length()).append("{\"stopReason\":");
    quote(sb, stopReason);
    return utf8(sb.append('}'));
  }

  static byte[] metadata(Behaviour.Plan plan, long latencyMs) {
    StringBuilder sb = new StringBuilder(160).append('{');
    usage(sb, plan);
    sb.append(",\"metrics\":{\"latencyMs\":").append(latencyMs).append("}}");
    return utf8(sb);
  }

  static byte[] message(String message) {
    StringBuilder sb = new StringBuilder(16 + message.length()).append("{\"message\":");
    quote(sb, message);
    return utf8(sb.append('}'));
  }

  private static void usage(StringBuilder sb, Behaviour.Plan plan) {
    int cacheRead = plan.cacheReadInputTokens() == null ? 0 : plan.cacheReadInputTokens();
    int cacheWrite = plan.cacheWriteInputTokens() == null ? 0 : plan.cacheWriteInputTokens();
    sb.append("\"usage\":{\"inputTokens\":").append(plan.inputTokens())
        .append(",\"outputTokens\":").append(plan.outputTokens())
        .append(",\"totalTokens\":").append(plan.inputTokens() + plan.outputTokens() + cacheRead + cacheWrite);
    if (plan.cacheReadInputTokens() != null) {
      sb.append(",\"cacheReadInputTokens\":").append(cacheRead);
    }
    if (plan.cacheWriteInputTokens() != null) {
      sb.append(",\"cacheWriteInputTokens\":").append(cacheWrite);
    }
    sb.append('}');
  }

  /** Appends {@code s} as a JSON string: quotes, backslashes and control characters escaped. */
  static void quote(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c == '\n') {
        sb.append("\\n");
      } else if (c == '\r') {
        sb.append("\\r");
      } else if (c == '\t') {
        sb.append("\\t");
      } else if (c < 0x20) {
        sb.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
      } else {
        sb.append(c);
      }
    }
    sb.append('"');
  }

  private static byte[] utf8(StringBuilder sb) {
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }
}
