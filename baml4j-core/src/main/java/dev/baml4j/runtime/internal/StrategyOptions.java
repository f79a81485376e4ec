package dev.baml4j.runtime.internal;

import dev.baml4j.lang.ClientDef;
import dev.baml4j.lang.Diagnostic;
import dev.baml4j.types.ConfigValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The options of the strategies {@code fallback} and {@code round-robin}: {@code strategy} (the
 * children, in order), {@code start} (round-robin only) and {@code http { total_timeout_ms }}.
 */
public final class StrategyOptions {

    private StrategyOptions() {
    }

    public static boolean isStrategy(String provider) {
        return isFallback(provider) || isRoundRobin(provider);
    }

    public static boolean isFallback(String provider) {
        return provider.equals("fallback") || provider.equals("baml-fallback");
    }

    public static boolean isRoundRobin(String provider) {
        return provider.equals("round-robin") || provider.equals("baml-round-robin");
    }

    public static List<Diagnostic> validate(ClientDef client) {
        List<Diagnostic> out = new ArrayList<>();
        boolean roundRobin = isRoundRobin(client.provider());
        boolean sawStrategy = false;
        for (ConfigValue.Entry e : client.options().entries()) {
            String key = e.key();
            ConfigValue v = e.value();
            if (key.equals("strategy")) {
                sawStrategy = true;
                if (!(v instanceof ConfigValue.ArrayLit a) || a.items().isEmpty()) {
                    out.add(Diagnostic.error(v.span(), "client " + client.name() + ": option `strategy` must be a"
                            + " non-empty list of client names, not " + v.describe(),
                            "write strategy [PrimaryClient, BackupClient]"));
                } else {
                    for (ConfigValue item : a.items()) {
                        if (item.asString().isEmpty()) {
                            out.add(Diagnostic.error(item.span(), "client " + client.name()
                                    + ": each `strategy` entry must be a client name, not " + item.describe(),
                                    "name a client<llm> declared in the project, or a provider/model shorthand"));
                        }
                    }
                }
            } else if (key.equals("start") && roundRobin) {
                if (!(v instanceof ConfigValue.NumberLit n) || !n.isInteger() || n.decimal().signum() < 0) {
                    out.add(Diagnostic.error(v.span(), "client " + client.name()
                            + ": option `start` must be a non-negative integer, not " + v.describe(),
                            "write start 0 to begin with the first client of `strategy`"));
                }
            } else if (key.equals("http")) {
                validateHttp(client, v, out);
            } else {
                out.add(Diagnostic.error(e.keySpan() == null ? v.span() : e.keySpan(), "client " + client.name()
                        + ": unknown option `" + key + "` for a " + client.provider() + " client",
                        "allowed: strategy" + (roundRobin ? ", start" : "") + ", http { total_timeout_ms }"));
            }
        }
        if (!sawStrategy) {
            out.add(Diagnostic.error(client.span(), "client " + client.name() + ": a " + client.provider()
                    + " client needs the option `strategy`", "write strategy [PrimaryClient, BackupClient]"));
        }
        return out;
    }

    private static void validateHttp(ClientDef client, ConfigValue v, List<Diagnostic> out) {
        if (!(v instanceof ConfigValue.MapLit m)) {
            out.add(Diagnostic.error(v.span(), "client " + client.name() + ": option `http` must be a map, not "
                    + v.describe(), "write http { total_timeout_ms 30000 }"));
            return;
        }
        for (ConfigValue.Entry e : m.entries()) {
            if (!e.key().equals("total_timeout_ms")) {
                out.add(Diagnostic.error(e.keySpan() == null ? e.value().span() : e.keySpan(), "client "
                        + client.name() + ": `http." + e.key() + "` is not allowed on a strategy",
                        "strategies take only http { total_timeout_ms }; set the other timeouts on the model clients"));
            } else if (!(e.value() instanceof ConfigValue.NumberLit n) || !n.isInteger() || n.decimal().signum() <= 0) {
                out.add(Diagnostic.error(e.value().span(), "client " + client.name()
                        + ": `http.total_timeout_ms` must be a positive integer (milliseconds), not "
                        + e.value().describe(), "write total_timeout_ms 30000"));
            }
        }
    }

    /** The child client names, in order. */
    public static List<String> children(ClientDef client) {
        List<String> names = new ArrayList<>();
        client.options().get("strategy").ifPresent(v -> {
            if (v instanceof ConfigValue.ArrayLit a) {
                for (ConfigValue item : a.items()) {
                    item.asString().ifPresent(names::add);
                }
            }
        });
        return names;
    }

    public static Optional<Integer> start(ClientDef client) {
        return client.options().get("start").flatMap(v -> v instanceof ConfigValue.NumberLit n && n.isInteger()
                ? Optional.of(n.decimal().intValue()) : Optional.empty());
    }

    public static Optional<Duration> totalTimeout(ClientDef client) {
        return client.options().get("http").flatMap(v -> v instanceof ConfigValue.MapLit m
                ? m.get("total_timeout_ms") : Optional.empty())
                .flatMap(v -> v instanceof ConfigValue.NumberLit n && n.isInteger()
                        ? Optional.of(Duration.ofMillis(n.decimal().longValue())) : Optional.empty());
    }
}
