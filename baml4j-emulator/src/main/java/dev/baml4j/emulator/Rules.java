package dev.baml4j.emulator;

import dev.baml4j.emulator.internal.RulesJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The scripted behaviour of an emulator: an ordered list of {@link Rule}s, the first match wins;
 * a request no rule matches gets the echo reply.
 *
 * <p>Rules files are JSON, see the module README:
 * <pre>{@code
 * {"rules": [
 *   {"name": "resume", "match": {"model": "anthropic.claude-3-haiku-20240307-v1:0", "user": "(?i)resume"},
 *    "reply": {"text": "{\"name\": \"Ada\"}", "stopReason": "end_turn", "deltas": 5}},
 *   {"match": {"user": "fail"}, "fault": {"type": "httpError", "status": 429, "errorType": "ThrottlingException"}}
 * ]}
 * }</pre>
 *
 * @param rules the rules, in match order
 */
public record Rules(List<Rule> rules) {

  public Rules {
    rules = List.copyOf(rules);
  }

  /** No rules: every request gets the echo reply. */
  public static Rules echo() {
    return new Rules(List.of());
  }

  public static Rules of(Rule... rules) {
    return new Rules(List.of(rules));
  }

  /** Parses rules from JSON text; {@code source} names it in error messages. */
  public static Rules fromJson(String json, String source) {
    return RulesJson.parseRules(json, source);
  }

  /** Reads a rules file. Errors name the file and the offending key. */
  public static Rules load(Path file) throws IOException {
    return fromJson(Files.readString(file), file.toString());
  }
}
