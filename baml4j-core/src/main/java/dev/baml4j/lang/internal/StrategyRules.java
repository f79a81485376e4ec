package dev.baml4j.lang.internal;

import dev.baml4j.lang.Suggestions;
import dev.baml4j.lang.ClientDef;
import dev.baml4j.lang.Diagnostic;
import dev.baml4j.types.ConfigValue;
import dev.baml4j.types.SourceSpan;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code fallback} and {@code round-robin} are part of the language, not providers: their
 * {@code strategy} must list existing clients, {@code start} is an index, and {@code http} takes
 * only {@code total_timeout_ms}.
 */
final class StrategyRules {

    private final List<Diagnostic> diagnostics;
    private final ClientRules clientRules;
    /** Per strategy client, where errors were reported (so the runtime's own checks don't repeat them). */
    private final Map<String, Set<SourceSpan>> reported = new HashMap<>();

    StrategyRules(List<Diagnostic> diagnostics, ClientRules clientRules) {
        this.diagnostics = diagnostics;
        this.clientRules = clientRules;
    }

    Set<SourceSpan> reportedFor(String client) {
        return reported.getOrDefault(client, Set.of());
    }

    private void error(ClientDef c, SourceSpan span, String message, String hint) {
        diagnostics.add(Diagnostic.error(span, message, hint));
        reported.computeIfAbsent(c.name(), k -> new HashSet<>()).add(span);
    }

    void check(Collection<Ast.ClientDecl> decls, Map<String, ClientDef> clients) {
        for (Ast.ClientDecl decl : decls) {
            ClientDef c = clients.get(decl.name());
            if (c != null && c.isStrategy()) {
                check(c, clients);
            }
        }
    }

    private void check(ClientDef c, Map<String, ClientDef> clients) {
        String what = "client `" + c.name() + "`";
        boolean roundRobin = c.provider().endsWith("round-robin");
        for (ConfigValue.Entry e : c.options().entries()) {
            if (e.key().equals("strategy")) {
                checkList(c, e.value(), clients);
            } else if (e.key().equals("start") && roundRobin) {
                // BAML accepts any index (it wraps around), so only the type is checked.
                ConfigValue v = e.value();
                if (!(v instanceof ConfigValue.NumberLit n && n.isInteger() && n.decimal().signum() >= 0)) {
                    error(c, v.span(), "`start` of " + what + " must be a non-negative integer, not " + shown(v),
                            "write `start 0`");
                }
            } else if (e.key().equals("http")) {
                checkHttp(c, e.value());
            } else {
                error(c, e.keySpan(), "unknown option `" + e.key() + "` for " + c.provider() + " " + what,
                        "a " + c.provider() + " client takes `strategy`" + (roundRobin ? ", `start`" : "")
                                + " and `http { total_timeout_ms }`");
            }
        }
        if (c.options().entry("strategy").isEmpty()) {
            error(c, c.span(), what + " (" + c.provider() + ") has no `strategy` option",
                    "add `options { strategy [ClientA, ClientB] }`");
        }
    }

    private void checkList(ClientDef c, ConfigValue list, Map<String, ClientDef> clients) {
        String what = "client `" + c.name() + "`";
        if (!(list instanceof ConfigValue.ArrayLit a) || a.items().isEmpty()) {
            error(c, list.span(), "`strategy` of " + what + " must be a non-empty list of client names",
                    "write `strategy [ClientA, ClientB]`");
            return;
        }
        for (ConfigValue item : a.items()) {
            if (!(item instanceof ConfigValue.StringLit s)) {
                error(c, item.span(), "`strategy` of " + what + " lists client names, not " + item.describe(), null);
            } else if (s.value().equals(c.name())) {
                error(c, s.span(), what + " lists itself in its `strategy`", "list other clients");
            } else if (s.value().contains("/")) {
                clients.computeIfAbsent(s.value(), n -> clientRules.shorthand(n, s.span()));
            } else if (!clients.containsKey(s.value())) {
                String suggestion = Suggestions.closest(s.value(), clients.keySet());
                error(c, s.span(), "unknown client `" + s.value() + "` in the `strategy` of " + what,
                        suggestion != null ? "did you mean `" + suggestion + "`?"
                                : "declare it with `client<llm> " + s.value() + " { ... }`");
            }
        }
    }

    private void checkHttp(ClientDef c, ConfigValue v) {
        String what = "client `" + c.name() + "`";
        if (!(v instanceof ConfigValue.MapLit m)) {
            error(c, v.span(), "`http` of " + what + " must be a map, not " + v.describe(),
                    "write `http { total_timeout_ms 30000 }`");
            return;
        }
        for (ConfigValue.Entry e : m.entries()) {
            if (!e.key().equals("total_timeout_ms")) {
                error(c, e.keySpan(), "`http." + e.key() + "` is not allowed on " + c.provider() + " " + what,
                        "strategies take only `http { total_timeout_ms }`; set other timeouts on the model clients");
            } else if (!(e.value() instanceof ConfigValue.NumberLit n && n.isInteger() && n.decimal().signum() > 0)) {
                error(c, e.value().span(), "`http.total_timeout_ms` of " + what + " must be a positive integer"
                        + " (milliseconds), not " + shown(e.value()), "write `total_timeout_ms 30000`");
            }
        }
    }

    /** A number as written (`-1`), anything else by kind ("a string"). */
    private static String shown(ConfigValue v) {
        return v instanceof ConfigValue.NumberLit n ? "`" + n.text() + "`" : v.describe();
    }
}
