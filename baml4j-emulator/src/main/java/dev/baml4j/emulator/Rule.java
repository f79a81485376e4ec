package dev.baml4j.emulator;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One scripted behaviour: when a request matches, the emulator answers with {@link #reply()} or
 * injects {@link #fault()}. The first matching rule wins; unset criteria match anything.
 *
 * <pre>{@code
 * Rule.any().model("anthropic.claude-3-haiku-20240307-v1:0")
 *     .userMatches("(?i)resume")
 *     .reply(Reply.text("{\"name\": \"Ada\"}"));
 * }</pre>
 *
 * @param name a label shown in the journal and in errors
 * @param model exact model id (decoded, e.g. {@code anthropic.claude-3-haiku-20240307-v1:0})
 * @param modelRegex regular expression that must match the whole model id
 * @param systemRegex regular expression found somewhere in the system text
 * @param userRegex regular expression found somewhere in the last user text
 * @param times how many requests the rule answers before it stops matching ({@code null}: no limit)
 * @param reply the reply (laid over the echo default)
 * @param fault the fault, instead of or in the middle of the reply
 */
public record Rule(
    String name,
    String model,
    String modelRegex,
    String systemRegex,
    String userRegex,
    Integer times,
    Reply reply,
    Fault fault) {

  public Rule {
    checkRegex("modelRegex", modelRegex);
    checkRegex("systemRegex", systemRegex);
    checkRegex("userRegex", userRegex);
    if (times != null && times < 1) {
      throw new IllegalArgumentException("times must be at least 1, got " + times);
    }
    if (reply == null) {
      reply = Reply.ECHO;
    }
  }

  private static void checkRegex(String what, String regex) {
    if (regex == null) {
      return;
    }
    try {
      Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(what + " is not a valid regular expression: " + e.getDescription()
          + " in \"" + regex + "\"", e);
    }
  }

  /** A rule that matches every request and echoes. */
  public static Rule any() {
    return new Rule(null, null, null, null, null, null, Reply.ECHO, null);
  }

  public Rule named(String value) {
    return new Rule(value, model, modelRegex, systemRegex, userRegex, times, reply, fault);
  }

  public Rule model(String value) {
    return new Rule(name, value, modelRegex, systemRegex, userRegex, times, reply, fault);
  }

  public Rule modelMatches(String regex) {
    return new Rule(name, model, regex, systemRegex, userRegex, times, reply, fault);
  }

  public Rule systemMatches(String regex) {
    return new Rule(name, model, modelRegex, regex, userRegex, times, reply, fault);
  }

  public Rule userMatches(String regex) {
    return new Rule(name, model, modelRegex, systemRegex, regex, times, reply, fault);
  }

  public Rule times(int value) {
    return new Rule(name, model, modelRegex, systemRegex, userRegex, value, reply, fault);
  }

  public Rule reply(Reply value) {
    return new Rule(name, model, modelRegex, systemRegex, userRegex, times, value, fault);
  }

  public Rule fault(Fault value) {
    return new Rule(name, model, modelRegex, systemRegex, userRegex, times, reply, value);
  }
}
