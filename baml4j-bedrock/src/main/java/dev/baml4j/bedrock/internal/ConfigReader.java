package dev.baml4j.bedrock.internal;

import dev.baml4j.lang.Diagnostic;
import dev.baml4j.types.ConfigValue;
import dev.baml4j.types.SourceSpan;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads typed values out of {@link ConfigValue}s and records a diagnostic for each problem.
 * Without an environment (load time) an {@code env.X} value is "not known yet": readers return
 * {@link #UNKNOWN} for it and skip the checks that need the value. With an environment (client
 * creation) {@code env.X} is resolved, and an unset variable is an error naming the variable.
 */
final class ConfigReader {

    /** Stands for an {@code env.X} string whose value is only known when the client is built. */
    static final String UNKNOWN = "\u0000env";

    private final String clientName;
    private final Map<String, String> env;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final Map<String, String> envSources = new LinkedHashMap<>();

    ConfigReader(String clientName, Map<String, String> env) {
        this.clientName = clientName;
        this.env = env;
    }

    boolean atLoadTime() {
        return env == null;
    }

    List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    Map<String, String> envSources() {
        return envSources;
    }

    void error(SourceSpan span, String message, String hint) {
        diagnostics.add(Diagnostic.error(span == null ? SourceSpan.NONE : span,
                "client `" + clientName + "`: " + message, hint));
    }

    /** A string, or an {@code env.X} (resolved, or {@link #UNKNOWN} at load time); null after an error. */
    String string(String option, ConfigValue value) {
        if (value instanceof ConfigValue.StringLit s) {
            return s.value();
        }
        if (value instanceof ConfigValue.EnvRef e) {
            return env(option, e);
        }
        error(value.span(), option + " must be a string. Got: " + kind(value), "write " + option + " \"...\"");
        return null;
    }

    String env(String option, ConfigValue.EnvRef ref) {
        if (env == null) {
            return UNKNOWN;
        }
        String v = env.get(ref.name());
        if (v == null) {
            error(ref.span(), "Environment variable " + ref.name() + " not set (needed by " + option + ")",
                    "set " + ref.name() + " in the environment or in CallOptions.env");
            return null;
        }
        envSources.put(option, ref.name());
        return v;
    }

    Boolean bool(String option, ConfigValue value) {
        if (value instanceof ConfigValue.BoolLit b) {
            return b.value();
        }
        if (value instanceof ConfigValue.EnvRef e) {
            String v = env(option, e);
            if (v == null || v.equals(UNKNOWN)) {
                return null;
            }
            if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(v);
            }
            error(e.span(), option + " must be a bool. env." + e.name() + " is not true or false", null);
            return null;
        }
        error(value.span(), option + " must be a bool. Got: " + kind(value), "write " + option + " true or false");
        return null;
    }

    /** A non-negative integer number of milliseconds. */
    Long millis(String option, ConfigValue value) {
        BigDecimal d = number(option, value, "an integer");
        if (d == null) {
            return null;
        }
        if (d.stripTrailingZeros().scale() > 0) {
            error(value.span(), option + " must be an integer. Got: " + d.toPlainString(), null);
            return null;
        }
        if (d.signum() < 0) {
            error(value.span(), option + " must be non-negative, got: " + d.toPlainString() + "ms", "use 0 for no limit");
            return null;
        }
        return d.longValueExact();
    }

    /** A numeric literal or an {@code env.X} holding a number; null when missing, unknown or wrong. */
    BigDecimal number(String option, ConfigValue value, String expected) {
        if (value instanceof ConfigValue.NumberLit n) {
            return n.decimal();
        }
        if (value instanceof ConfigValue.EnvRef e) {
            String v = env(option, e);
            if (v == null || v.equals(UNKNOWN)) {
                return null;
            }
            try {
                return new BigDecimal(v.trim());
            } catch (NumberFormatException ex) {
                error(e.span(), option + " must be " + expected + ". env." + e.name() + " holds `" + v + "`", null);
                return null;
            }
        }
        error(value.span(), option + " must be " + expected + ". Got: " + kind(value), null);
        return null;
    }

    /** An array of strings (or env.X items); null after an error. */
    List<String> stringList(String option, ConfigValue value, String itemMessage) {
        if (!(value instanceof ConfigValue.ArrayLit arr)) {
            error(value.span(), option + " must be an array. Got: " + kind(value), "write " + option + " [\"a\", \"b\"]");
            return null;
        }
        List<String> out = new ArrayList<>();
        boolean ok = true;
        for (ConfigValue item : arr.items()) {
            if (item instanceof ConfigValue.StringLit s) {
                out.add(s.value());
            } else if (item instanceof ConfigValue.EnvRef e) {
                String v = env(option, e);
                if (v == null) {
                    ok = false;
                } else {
                    out.add(v);
                }
            } else {
                error(item.span(), itemMessage + " Got: " + kind(item), null);
                ok = false;
            }
        }
        return ok ? out : null;
    }

    /** Any config value as a JSON-like Java value (for additional_model_request_fields). */
    Object json(String option, ConfigValue value) {
        if (value instanceof ConfigValue.StringLit s) {
            return s.value();
        } else if (value instanceof ConfigValue.NumberLit n) {
            BigDecimal d = n.decimal();
            return n.isInteger() ? (Object) d.toBigIntegerExact() : (Object) d.doubleValue();
        } else if (value instanceof ConfigValue.BoolLit b) {
            return b.value();
        } else if (value instanceof ConfigValue.NullLit) {
            return null;
        } else if (value instanceof ConfigValue.EnvRef e) {
            return env(option, e);
        } else if (value instanceof ConfigValue.ArrayLit a) {
            List<Object> list = new ArrayList<>();
            for (ConfigValue item : a.items()) {
                list.add(json(option, item));
            }
            return list;
        } else if (value instanceof ConfigValue.MapLit m) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (ConfigValue.Entry entry : m.entries()) {
                map.put(entry.key(), json(option + "." + entry.key(), entry.value()));
            }
            return map;
        }
        error(value.span(), option + " cannot hold " + value.describe(), "use a literal value or env.NAME");
        return null;
    }

    /** BAML's own words for a value's kind, as its messages print them ("string", "number", ...). */
    static String kind(ConfigValue value) {
        if (value instanceof ConfigValue.StringLit) {
            return "string";
        } else if (value instanceof ConfigValue.NumberLit) {
            return "number";
        } else if (value instanceof ConfigValue.BoolLit) {
            return "bool";
        } else if (value instanceof ConfigValue.NullLit) {
            return "null";
        } else if (value instanceof ConfigValue.EnvRef e) {
            return "env." + e.name();
        } else if (value instanceof ConfigValue.ArrayLit) {
            return "array";
        } else if (value instanceof ConfigValue.MapLit) {
            return "map";
        }
        return value.describe();
    }
}
