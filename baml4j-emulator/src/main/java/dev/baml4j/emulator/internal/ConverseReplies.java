package dev.baml4j.emulator.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/** The JSON bodies of Converse replies and ConverseStream events, in Bedrock's shapes. */
final class ConverseReplies {
  private ConverseReplies() {}

  static byte[] converse(Behaviour.Plan plan, long latencyMs) {
    ObjectNode root = RulesJson.MAPPER.createObjectNode();
    ObjectNode message = root.putObject("output").putObject("message");
    message.put("role", "assistant");
    message.putArray("content").addObject().put("text", plan.text());
    root.put("stopReason", plan.stopReason());
    usage(root, plan);
    root.putObject("metrics").put("latencyMs", latencyMs);
    return bytes(root);
  }

  static byte[] messageStart() {
    return "{\"role\":\"assistant\"}".getBytes(StandardCharsets.UTF_8);
  }

  static byte[] delta(String text) {
    ObjectNode root = RulesJson.MAPPER.createObjectNode();
    root.put("contentBlockIndex", 0);
    root.putObject("delta").put("text", text);
    return bytes(root);
  }

  static byte[] contentBlockStop() {
    return "{\"contentBlockIndex\":0}".getBytes(StandardCharsets.UTF_8);
  }

  static byte[] messageStop(String stopReason) {
    return bytes(RulesJson.MAPPER.createObjectNode().put("stopReason", stopReason));
  }

  static byte[] metadata(Behaviour.Plan plan, long latencyMs) {
    ObjectNode root = RulesJson.MAPPER.createObjectNode();
    usage(root, plan);
    root.putObject("metrics").put("latencyMs", latencyMs);
    return bytes(root);
  }

  static byte[] message(String message) {
    return bytes(RulesJson.MAPPER.createObjectNode().put("message", message));
  }

  private static void usage(ObjectNode root, Behaviour.Plan plan) {
    ObjectNode usage = root.putObject("usage");
    int cacheRead = plan.cacheReadInputTokens() == null ? 0 : plan.cacheReadInputTokens();
    int cacheWrite = plan.cacheWriteInputTokens() == null ? 0 : plan.cacheWriteInputTokens();
    usage.put("inputTokens", plan.inputTokens());
    usage.put("outputTokens", plan.outputTokens());
    usage.put("totalTokens", plan.inputTokens() + plan.outputTokens() + cacheRead + cacheWrite);
    if (plan.cacheReadInputTokens() != null) {
      usage.put("cacheReadInputTokens", cacheRead);
    }
    if (plan.cacheWriteInputTokens() != null) {
      usage.put("cacheWriteInputTokens", cacheWrite);
    }
  }

  private static byte[] bytes(ObjectNode node) {
    return node.toString().getBytes(StandardCharsets.UTF_8);
  }
}
