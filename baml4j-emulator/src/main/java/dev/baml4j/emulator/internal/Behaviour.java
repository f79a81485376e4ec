package dev.baml4j.emulator.internal;

import dev.baml4j.emulator.Fault;
import dev.baml4j.emulator.Reply;
import dev.baml4j.emulator.Rule;
import dev.baml4j.emulator.Rules;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.regex.Pattern;

/**
 * Decides each reply: the run-time control (if any) over the first matching rule over the echo
 * default. Rules and control are swapped atomically, so requests in flight see one version.
 */
public final class Behaviour {
  /** Default number of stream deltas: one per 8 characters, between 1 and 64. */
  static final int MAX_DEFAULT_DELTAS = 64;

  /** The decided reply, with every default filled in. */
  public record Plan(String ruleName, String text, String stopReason, int inputTokens, int outputTokens,
      Integer cacheReadInputTokens, Integer cacheWriteInputTokens, int deltas, long firstByteDelayMs,
      long deltaDelayMs, Fault fault) {}

  private record CompiledRules(Rules rules, Pattern[] model, Pattern[] system, Pattern[] user,
      AtomicIntegerArray used) {}

  private record ControlState(RulesJson.Control control, AtomicInteger used) {}

  private final Rules initial;
  private volatile CompiledRules rules;
  private volatile ControlState control;

  public Behaviour(Rules initial) {
    this.initial = initial;
    this.rules = compile(initial);
  }

  public void setRules(Rules value) {
    rules = compile(value);
  }

  public Rules rules() {
    return rules.rules();
  }

  /** Applies a {@code POST /__control}: replaces the previous control; {@code rules} replace the rules. */
  public void control(RulesJson.Control value) {
    if (value.rules() != null) {
      setRules(value.rules());
    }
    boolean empty = value.reply() == null && value.fault() == null;
    control = empty ? null : new ControlState(value, new AtomicInteger());
  }

  /** Back to the rules the emulator started with, no control, counters at zero. */
  public void reset() {
    control = null;
    rules = compile(initial);
  }

  public Plan decide(ConverseRequest req) {
    CompiledRules r = rules;
    List<Rule> list = r.rules().rules();
    Rule matched = null;
    for (int i = 0; i < list.size(); i++) {
      Rule rule = list.get(i);
      if (matches(rule, i, r, req)) {
        if (rule.times() != null && r.used().incrementAndGet(i) > rule.times()) {
          continue;
        }
        matched = rule;
        break;
      }
    }
    Reply reply = Reply.ECHO;
    Fault fault = null;
    String name = null;
    if (matched != null) {
      reply = reply.overlaidWith(matched.reply());
      fault = matched.fault();
      name = matched.name() != null ? matched.name() : "rules[" + list.indexOf(matched) + "]";
    }
    ControlState c = control;
    if (c != null && (c.control().times() == null || c.used().incrementAndGet() <= c.control().times())) {
      reply = reply.overlaidWith(c.control().reply());
      if (c.control().fault() != null) {
        fault = c.control().fault();
      }
      name = "control";
    }
    return plan(name, reply, fault, req);
  }

  private static boolean matches(Rule rule, int i, CompiledRules r, ConverseRequest req) {
    if (rule.model() != null && !rule.model().equals(req.modelId())) {
      return false;
    }
    if (r.model()[i] != null && !r.model()[i].matcher(req.modelId()).matches()) {
      return false;
    }
    if (r.system()[i] != null && !r.system()[i].matcher(req.systemText()).find()) {
      return false;
    }
    return r.user()[i] == null || r.user()[i].matcher(req.lastUserText()).find();
  }

  private static Plan plan(String name, Reply reply, Fault fault, ConverseRequest req) {
    String text = reply.text() != null ? reply.text() : req.lastUserText();
    int outputTokens = reply.outputTokens() != null ? reply.outputTokens() : estimateTokens(text.length());
    int inputTokens = reply.inputTokens() != null ? reply.inputTokens() : estimateTokens(req.inputChars());
    int deltas = reply.deltas() != null ? reply.deltas()
        : Math.max(1, Math.min(MAX_DEFAULT_DELTAS, (text.length() + 7) / 8));
    return new Plan(name, text, reply.stopReason() != null ? reply.stopReason() : "end_turn", inputTokens,
        outputTokens, reply.cacheReadInputTokens(), reply.cacheWriteInputTokens(), deltas,
        reply.firstByteDelayMs() != null ? reply.firstByteDelayMs() : 0,
        reply.deltaDelayMs() != null ? reply.deltaDelayMs() : 0, fault);
  }

  /** Roughly four characters per token, at least one. */
  static int estimateTokens(int chars) {
    return Math.max(1, (chars + 3) / 4);
  }

  private static CompiledRules compile(Rules rules) {
    List<Rule> list = rules.rules();
    Pattern[] model = new Pattern[list.size()];
    Pattern[] system = new Pattern[list.size()];
    Pattern[] user = new Pattern[list.size()];
    for (int i = 0; i < list.size(); i++) {
      Rule r = list.get(i);
      model[i] = r.modelRegex() == null ? null : Pattern.compile(r.modelRegex());
      system[i] = r.systemRegex() == null ? null : Pattern.compile(r.systemRegex());
      user[i] = r.userRegex() == null ? null : Pattern.compile(r.userRegex());
    }
    return new CompiledRules(rules, model, system, user, new AtomicIntegerArray(list.size()));
  }
}
