package dev.baml4j.emulator.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baml4j.emulator.Credentials;
import dev.baml4j.emulator.Fault;
import dev.baml4j.emulator.Reply;
import dev.baml4j.emulator.Rule;
import dev.baml4j.emulator.Rules;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads rules, credentials and control JSON. Unknown keys are errors that name the source, the
 * place and the keys that are allowed, so a typo never silently changes behaviour.
 */
public final class RulesJson {
  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Set<String> RULE_KEYS = Set.of("name", "match", "times", "reply", "fault");
  private static final Set<String> MATCH_KEYS = Set.of("model", "modelRegex", "system", "user");
  private static final Set<String> REPLY_KEYS = Set.of("text", "stopReason", "usage", "deltas",
      "firstByteDelayMs", "delayMs", "deltaDelayMs");
  private static final Set<String> USAGE_KEYS = Set.of("inputTokens", "outputTokens", "cacheReadInputTokens",
      "cacheWriteInputTokens");
  private static final Set<String> FAULT_KEYS = Set.of("type", "status", "errorType", "exceptionType", "message",
      "afterDeltas", "body");
  private static final Set<String> CONTROL_KEYS = Set.of("text", "stopReason", "usage", "deltas",
      "firstByteDelayMs", "delayMs", "deltaDelayMs", "status", "errorType", "errorMessage", "message", "fault",
      "times", "rules", "holdStreams", "rawBody");
  private static final Set<String> CREDENTIALS_KEYS = Set.of("keys", "region", "service",
      "containerAuthorizationToken", "webIdentityToken", "roles", "anyAccessKeySecret",
      "ssoAccessToken", "instanceRegion");
  private static final Set<String> KEY_KEYS = Set.of("accessKeyId", "secretAccessKey", "sessionToken");
  private static final Set<String> ROLE_KEYS = Set.of("arn", "externalId");

  /** A run-time change of behaviour ({@code POST /__control}). */
  public record Control(Reply reply, Fault fault, Integer times, Rules rules, Boolean holdStreams) {}

  private RulesJson() {}

  public static Rules parseRules(String json, String source) {
    JsonNode root = read(json, source);
    JsonNode list = root;
    if (root.isObject()) {
      checkKeys(root, Set.of("rules"), source, "the top level");
      list = root.path("rules");
    }
    if (!list.isArray()) {
      throw error(source, "the top level", "expected {\"rules\": [...]} or a JSON array of rules");
    }
    return rulesOf(list, source);
  }

  public static Control parseControl(String json, String source) {
    JsonNode root = json.isBlank() ? MAPPER.createObjectNode() : read(json, source);
    if (!root.isObject()) {
      throw error(source, "the top level", "expected a JSON object");
    }
    checkKeys(root, CONTROL_KEYS, source, "the top level");
    Reply reply = reply(root, source, "the top level");
    Fault fault = null;
    if (root.has("fault")) {
      fault = fault(root.get("fault"), source, "fault");
    } else if (root.has("rawBody")) {
      // The conformance stub's key: a 200 reply with this body, verbatim.
      fault = Fault.notJson(text(root, "rawBody", source, "the top level"));
    } else if (root.has("status") || root.has("errorType")) {
      String message = text(root, root.has("errorMessage") ? "errorMessage" : "message", source, "the top level");
      fault = new Fault(Fault.Kind.HTTP_ERROR, integer(root, "status", source, "the top level"),
          text(root, "errorType", source, "the top level"), message, 0, null);
    }
    Rules rules = root.has("rules") ? rulesOf(root.get("rules"), source) : null;
    JsonNode hold = root.get("holdStreams");
    if (hold != null && !hold.isBoolean()) {
      throw error(source, "the top level", "\"holdStreams\" must be true or false");
    }
    return new Control(Reply.ECHO.equals(reply) ? null : reply, fault, integer(root, "times", source, "the top level"),
        rules, hold == null ? null : hold.booleanValue());
  }

  public static Credentials parseCredentials(String json, String source) {
    JsonNode root = read(json, source);
    checkKeys(root, CREDENTIALS_KEYS, source, "the top level");
    List<Credentials.Key> keys = new ArrayList<>();
    if (root.has("keys")) {
      int i = 0;
      for (JsonNode k : root.get("keys")) {
        String at = "keys[" + i++ + "]";
        checkKeys(k, KEY_KEYS, source, at);
        String id = text(k, "accessKeyId", source, at);
        String secret = text(k, "secretAccessKey", source, at);
        if (id == null || secret == null) {
          throw error(source, at, "needs both \"accessKeyId\" and \"secretAccessKey\"");
        }
        keys.add(new Credentials.Key(id, secret, text(k, "sessionToken", source, at)));
      }
    } else {
      keys.addAll(Credentials.defaults().keys());
    }
    List<Credentials.Role> roles = new ArrayList<>();
    int i = 0;
    for (JsonNode r : root.path("roles")) {
      String at = "roles[" + i++ + "]";
      checkKeys(r, ROLE_KEYS, source, at);
      roles.add(new Credentials.Role(text(r, "arn", source, at), text(r, "externalId", source, at)));
    }
    return new Credentials(keys, text(root, "region", source, "the top level"),
        text(root, "service", source, "the top level"),
        text(root, "containerAuthorizationToken", source, "the top level"),
        text(root, "webIdentityToken", source, "the top level"), roles,
        text(root, "anyAccessKeySecret", source, "the top level"),
        text(root, "ssoAccessToken", source, "the top level"),
        text(root, "instanceRegion", source, "the top level"));
  }

  private static Rules rulesOf(JsonNode list, String source) {
    if (!list.isArray()) {
      throw error(source, "rules", "expected a JSON array of rules");
    }
    List<Rule> rules = new ArrayList<>();
    int i = 0;
    for (JsonNode r : list) {
      String at = "rules[" + i++ + "]";
      checkKeys(r, RULE_KEYS, source, at);
      JsonNode m = r.path("match");
      if (!m.isMissingNode()) {
        checkKeys(m, MATCH_KEYS, source, at + ".match");
      }
      String matchAt = at + ".match";
      try {
        Reply reply = Reply.ECHO;
        if (r.has("reply")) {
          checkKeys(r.get("reply"), REPLY_KEYS, source, at + ".reply");
          reply = reply(r.get("reply"), source, at + ".reply");
        }
        rules.add(new Rule(text(r, "name", source, at), text(m, "model", source, matchAt),
            text(m, "modelRegex", source, matchAt), text(m, "system", source, matchAt),
            text(m, "user", source, matchAt), integer(r, "times", source, at), reply,
            r.has("fault") ? fault(r.get("fault"), source, at + ".fault") : null));
      } catch (IllegalArgumentException e) {
        if (e.getMessage().startsWith(source + ":")) {
          throw e;
        }
        throw error(source, at, e.getMessage());
      }
    }
    return new Rules(rules);
  }

  private static Reply reply(JsonNode n, String source, String at) {
    JsonNode usage = n.path("usage");
    if (!usage.isMissingNode()) {
      checkKeys(usage, USAGE_KEYS, source, at + ".usage");
    }
    Long firstByte = longValue(n, "firstByteDelayMs", source, at);
    if (firstByte == null) {
      firstByte = longValue(n, "delayMs", source, at);
    }
    try {
      return new Reply(text(n, "text", source, at), text(n, "stopReason", source, at),
          integer(usage, "inputTokens", source, at + ".usage"), integer(usage, "outputTokens", source, at + ".usage"),
          integer(usage, "cacheReadInputTokens", source, at + ".usage"),
          integer(usage, "cacheWriteInputTokens", source, at + ".usage"), integer(n, "deltas", source, at), firstByte,
          longValue(n, "deltaDelayMs", source, at));
    } catch (IllegalArgumentException e) {
      throw error(source, at, e.getMessage());
    }
  }

  private static Fault fault(JsonNode n, String source, String at) {
    checkKeys(n, FAULT_KEYS, source, at);
    String type = text(n, "type", source, at);
    if (type == null) {
      throw error(source, at, "needs \"type\": one of " + kindNames());
    }
    Fault.Kind kind = kindOf(type);
    if (kind == null) {
      throw error(source, at, "unknown fault type \"" + type + "\"; use one of " + kindNames());
    }
    String errorType = text(n, "errorType", source, at);
    if (errorType == null) {
      errorType = text(n, "exceptionType", source, at);
    }
    Integer after = integer(n, "afterDeltas", source, at);
    try {
      return new Fault(kind, integer(n, "status", source, at), errorType, text(n, "message", source, at),
          after == null ? 0 : after, text(n, "body", source, at));
    } catch (IllegalArgumentException e) {
      throw error(source, at, e.getMessage());
    }
  }

  /** {@code httpError}, {@code streamException}, {@code badCrc}... are the JSON names of the kinds. */
  public static String kindName(Fault.Kind kind) {
    String[] parts = kind.name().toLowerCase(Locale.ROOT).split("_");
    StringBuilder sb = new StringBuilder(parts[0]);
    for (int i = 1; i < parts.length; i++) {
      sb.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
    }
    return sb.toString();
  }

  private static Fault.Kind kindOf(String name) {
    for (Fault.Kind k : Fault.Kind.values()) {
      if (kindName(k).equalsIgnoreCase(name) || k.name().equalsIgnoreCase(name)) {
        return k;
      }
    }
    return null;
  }

  private static List<String> kindNames() {
    List<String> out = new ArrayList<>();
    for (Fault.Kind k : Fault.Kind.values()) {
      out.add(kindName(k));
    }
    return out;
  }

  private static JsonNode read(String json, String source) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(source + ":" + e.getLocation().getLineNr() + ":"
          + e.getLocation().getColumnNr() + ": not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static void checkKeys(JsonNode n, Set<String> allowed, String source, String at) {
    if (!n.isObject()) {
      throw error(source, at, "expected a JSON object");
    }
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!allowed.contains(key)) {
        throw error(source, at, "unknown key \"" + key + "\"; allowed keys: " + new java.util.TreeSet<>(allowed));
      }
    }
  }

  private static String text(JsonNode n, String key, String source, String at) {
    JsonNode v = n.get(key);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw error(source, at, "\"" + key + "\" must be a string");
    }
    return v.textValue();
  }

  private static Integer integer(JsonNode n, String key, String source, String at) {
    JsonNode v = n.get(key);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.canConvertToInt() || !v.isIntegralNumber()) {
      throw error(source, at, "\"" + key + "\" must be an integer");
    }
    return v.intValue();
  }

  private static Long longValue(JsonNode n, String key, String source, String at) {
    JsonNode v = n.get(key);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isIntegralNumber()) {
      throw error(source, at, "\"" + key + "\" must be an integer (milliseconds)");
    }
    return v.longValue();
  }

  private static IllegalArgumentException error(String source, String at, String message) {
    return new IllegalArgumentException(source + ": at " + at + ": " + message);
  }
}
