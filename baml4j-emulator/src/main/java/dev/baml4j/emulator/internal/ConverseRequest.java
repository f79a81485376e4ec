package dev.baml4j.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/**
 * What the rules look at in a Converse body: the system text and the last user text.
 *
 * @param modelId the decoded model id from the path
 * @param systemText the {@code system[].text} blocks joined with newlines
 * @param lastUserText the text blocks of the last {@code user} message, joined with newlines
 * @param inputChars characters of text in the whole request (for the token estimate)
 */
public record ConverseRequest(String modelId, String systemText, String lastUserText, int inputChars) {

  /** Reads a body; {@code null} when it is not a JSON object with a {@code messages} array. */
  public static ConverseRequest parse(String modelId, byte[] body) {
    JsonNode root;
    try {
      root = RulesJson.MAPPER.readTree(body);
    } catch (IOException e) {
      return null;
    }
    if (root == null || !root.isObject() || !root.path("messages").isArray()) {
      return null;
    }
    int[] chars = {0};
    String system = texts(root.path("system"), chars);
    String lastUser = "";
    for (JsonNode m : root.get("messages")) {
      String t = texts(m.path("content"), chars);
      if ("user".equals(m.path("role").asText())) {
        lastUser = t;
      }
    }
    return new ConverseRequest(modelId, system, lastUser, chars[0]);
  }

  private static String texts(JsonNode blocks, int[] chars) {
    StringBuilder sb = new StringBuilder();
    for (JsonNode b : blocks) {
      JsonNode t = b.get("text");
      if (t != null && t.isTextual()) {
        if (sb.length() > 0) {
          sb.append('\n');
        }
        sb.append(t.textValue());
        chars[0] += t.textValue().length();
      }
    }
    return sb.toString();
  }
}
