package dev.baml4j.lang.internal;

import dev.baml4j.lang.Suggestions;
import dev.baml4j.lang.ClientDef;
import dev.baml4j.lang.ClientValidator;
import dev.baml4j.lang.Diagnostic;
import dev.baml4j.lang.KnownProviders;
import dev.baml4j.lang.RetryPolicyDef;
import dev.baml4j.types.ConfigValue;
import dev.baml4j.types.SourceSpan;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks clients and retry policies: the provider exists, the retry policy exists, strategies
 * name existing clients, and the installed provider accepts the options.
 */
final class ClientRules {

    private final List<Diagnostic> diagnostics;
    private final ClientValidator validator;
    private final Set<String> unknownProvider = new HashSet<>();

    ClientRules(List<Diagnostic> diagnostics, ClientValidator validator) {
        this.diagnostics = diagnostics;
        this.validator = validator;
    }

    static boolean isStrategy(String provider) {
        return KnownProviders.isStrategy(provider);
    }

    ClientDef client(Ast.ClientDecl c, Set<String> retryPolicies) {
        String what = "client `" + c.name() + "`";
        if (c.provider() == null) {
            diagnostics.add(Diagnostic.error(c.nameSpan(), what + " has no provider",
                    "add a line `provider aws-bedrock` (or another provider)"));
            return null;
        }
        if (!(c.provider() instanceof ConfigValue.StringLit p)) {
            diagnostics.add(Diagnostic.error(c.provider().span(), "the provider of " + what + " must be a name, not "
                    + c.provider().describe(), "write `provider aws-bedrock`"));
            return null;
        }
        String provider = p.value();
        boolean known = checkProvider(provider, p.span(), what);
        String retry = null;
        if (c.retryPolicy() != null) {
            if (c.retryPolicy() instanceof ConfigValue.StringLit r) {
                retry = r.value();
                if (!retryPolicies.contains(retry)) {
                    String suggestion = Suggestions.closest(retry, retryPolicies);
                    diagnostics.add(Diagnostic.error(r.span(), "unknown retry_policy `" + retry + "` in " + what,
                            suggestion != null ? "did you mean `" + suggestion + "`?"
                                    : "declare it with `retry_policy " + retry + " { max_retries 3 }`"));
                }
            } else {
                diagnostics.add(Diagnostic.error(c.retryPolicy().span(), "the retry_policy of " + what
                        + " must be a name, not " + c.retryPolicy().describe(), "write `retry_policy MyPolicy`"));
            }
        }
        if (!known) {
            // Kept so that strategies naming it don't report it again; its options go unchecked.
            unknownProvider.add(c.name());
        }
        return new ClientDef(c.name(), provider, p.span(), retry, c.options(), c.nameSpan());
    }

    /** Reports an unknown provider; true when it is known. */
    private boolean checkProvider(String provider, SourceSpan span, String what) {
        if (isStrategy(provider) || validator.knowsProvider(provider)) {
            return true;
        }
        List<String> installed = new ArrayList<>();
        for (String name : KnownProviders.NAMES) {
            if (isStrategy(name) || validator.knowsProvider(name)) {
                installed.add(name);
            }
        }
        String installedList = "installed providers: " + String.join(", ", installed);
        if (KnownProviders.NAMES.contains(provider)) {
            diagnostics.add(Diagnostic.error(span, "provider `" + provider + "` of " + what
                    + " is not installed in baml4j", installedList));
            return false;
        }
        List<String> close = Suggestions.close(provider, KnownProviders.NAMES, 3);
        String hint;
        if (close.isEmpty()) {
            hint = installedList;
        } else {
            hint = "did you mean " + String.join(" or ", close.stream().map(n -> "`" + n + "`").toList()) + "?";
            if (!installed.contains(close.get(0))) {
                hint += " (`" + close.get(0) + "` is not installed; " + installedList + ")";
            }
        }
        diagnostics.add(Diagnostic.error(span, "unknown provider `" + provider + "` in " + what, hint));
        return false;
    }

    /** {@code client "aws-bedrock/model-id"}: a client named by the shorthand, with {@code model} set. */
    ClientDef shorthand(String name, SourceSpan span) {
        int slash = name.indexOf('/');
        String provider = name.substring(0, slash);
        String model = name.substring(slash + 1);
        if (provider.isEmpty() || model.isEmpty()) {
            diagnostics.add(Diagnostic.error(span, "client shorthand `" + name + "` needs a provider and a model",
                    "write `client \"aws-bedrock/anthropic.claude-3-haiku-20240307-v1:0\"`"));
            return null;
        }
        if (isStrategy(provider)) {
            diagnostics.add(Diagnostic.error(span, "`" + provider + "` cannot be used as a `provider/model` shorthand",
                    "declare a `client<llm>` with `provider " + provider + "` and a `strategy` list"));
            return null;
        }
        if (!checkProvider(provider, span, "client `" + name + "`")) {
            return null;
        }
        var options = new ConfigValue.MapLit(List.of(new ConfigValue.Entry("model", span,
                new ConfigValue.StringLit(model, ConfigValue.StringStyle.QUOTED, span))), span);
        return new ClientDef(name, provider, span, null, options, span);
    }

    /**
     * Runs the installed validator's option checks on a client. For strategies, whose structure
     * {@link StrategyRules} already checked, a diagnostic at a spot already reported is dropped.
     */
    void validateOptions(ClientDef client, Set<SourceSpan> alreadyReported) {
        if (unknownProvider.contains(client.name())) {
            return;
        }
        for (Diagnostic d : validator.validate(client)) {
            if (!client.isStrategy() || !alreadyReported.contains(d.span())) {
                diagnostics.add(d);
            }
        }
    }

    // ---- retry policies ------------------------------------------------------------------

    RetryPolicyDef retryPolicy(Ast.RetryPolicyDecl r) {
        String what = "retry_policy `" + r.name() + "`";
        int maxRetries = 0;
        if (r.maxRetries() == null) {
            diagnostics.add(Diagnostic.error(r.nameSpan(), what + " has no `max_retries`", "add `max_retries 3`"));
        } else {
            Long n = nonNegativeInt(r.maxRetries(), "max_retries", what);
            maxRetries = n == null ? 0 : (int) Math.min(n, Integer.MAX_VALUE);
        }
        RetryPolicyDef.Strategy strategy = new RetryPolicyDef.ConstantDelay(200);
        if (r.strategy() instanceof ConfigValue.MapLit m) {
            strategy = strategy(m, what);
        } else if (r.strategy() != null) {
            diagnostics.add(Diagnostic.error(r.strategy().span(), "`strategy` of " + what + " must be a map",
                    "write `strategy { type exponential_backoff delay_ms 300 }`"));
        }
        return new RetryPolicyDef(r.name(), maxRetries, strategy, r.nameSpan());
    }

    private RetryPolicyDef.Strategy strategy(ConfigValue.MapLit m, String what) {
        String type = "constant_delay";
        var typeValue = m.get("type");
        if (typeValue.isPresent()) {
            type = typeValue.get().asString().orElse("");
            if (!type.equals("constant_delay") && !type.equals("exponential_backoff")) {
                diagnostics.add(Diagnostic.error(typeValue.get().span(), "unknown retry strategy `" + type + "` in "
                        + what, "use `constant_delay` or `exponential_backoff`"));
                return new RetryPolicyDef.ConstantDelay(200);
            }
        }
        List<String> keys = type.equals("constant_delay") ? List.of("type", "delay_ms")
                : List.of("type", "delay_ms", "multiplier", "max_delay_ms");
        for (ConfigValue.Entry e : m.entries()) {
            if (!keys.contains(e.key())) {
                String suggestion = Suggestions.closest(e.key(), keys);
                diagnostics.add(Diagnostic.error(e.keySpan(), "unknown `" + e.key() + "` in the " + type
                        + " strategy of " + what, suggestion != null ? "did you mean `" + suggestion + "`?"
                                : "allowed: " + String.join(", ", keys)));
            }
        }
        long delay = m.get("delay_ms").map(v -> nonNegativeInt(v, "delay_ms", what)).orElse(200L);
        if (type.equals("constant_delay")) {
            return new RetryPolicyDef.ConstantDelay(delay);
        }
        double multiplier = 1.5;
        var mult = m.get("multiplier");
        if (mult.isPresent()) {
            if (mult.get() instanceof ConfigValue.NumberLit n && n.asDouble() > 0) {
                multiplier = n.asDouble();
            } else {
                diagnostics.add(Diagnostic.error(mult.get().span(), "`multiplier` of " + what
                        + " must be a positive number", "write `multiplier 1.5`"));
            }
        }
        long maxDelay = m.get("max_delay_ms").map(v -> nonNegativeInt(v, "max_delay_ms", what)).orElse(10000L);
        return new RetryPolicyDef.ExponentialBackoff(delay, multiplier, maxDelay);
    }

    private Long nonNegativeInt(ConfigValue v, String key, String what) {
        if (v instanceof ConfigValue.NumberLit n && n.isInteger() && n.decimal().signum() >= 0
                && n.text().length() < 19) {
            return Long.parseLong(n.text());
        }
        diagnostics.add(Diagnostic.error(v.span(), "`" + key + "` of " + what + " must be a non-negative integer, not "
                + v.describe(), "write `" + key + " 3`"));
        return 0L;
    }
}
