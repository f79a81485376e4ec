package dev.baml4j.bedrock.internal;

import dev.baml4j.lang.ClientDef;
import dev.baml4j.types.ConfigValue;
import dev.baml4j.types.SourceSpan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds {@link ClientDef}s from plain Java values for tests; {@link Env} marks {@code env.X}. */
public final class TestClients {

    public record Env(String name) {
    }

    public static final Map<String, Object> BASE = base();

    private static Map<String, Object> base() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", "anthropic.claude-3-haiku-20240307-v1:0");
        m.put("region", "us-east-1");
        m.put("access_key_id", "AKIDEXAMPLE");
        m.put("secret_access_key", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
        return m;
    }

    private TestClients() {
    }

    public static Env env(String name) {
        return new Env(name);
    }

    /** The base options plus {@code extra}; a null value in {@code extra} removes the option. */
    public static ClientDef with(Map<String, Object> extra) {
        Map<String, Object> all = new LinkedHashMap<>(BASE);
        extra.forEach((k, v) -> {
            if (v == null) {
                all.remove(k);
            } else {
                all.put(k, v);
            }
        });
        return def("Probe", all);
    }

    public static ClientDef def(String name, Map<String, Object> options) {
        return new ClientDef(name, "aws-bedrock", SourceSpan.at("main.baml", 2, 3), null,
                (ConfigValue.MapLit) value(options, 3), SourceSpan.at("main.baml", 1, 1));
    }

    @SuppressWarnings("unchecked")
    private static ConfigValue value(Object v, int line) {
        SourceSpan span = SourceSpan.at("main.baml", line, 5);
        if (v instanceof Env e) {
            return new ConfigValue.EnvRef(e.name(), span);
        } else if (v instanceof String s) {
            return new ConfigValue.StringLit(s, ConfigValue.StringStyle.QUOTED, span);
        } else if (v instanceof Boolean b) {
            return new ConfigValue.BoolLit(b, span);
        } else if (v instanceof Number n) {
            return new ConfigValue.NumberLit(n.toString(), span);
        } else if (v instanceof List<?> l) {
            List<ConfigValue> items = new ArrayList<>();
            for (Object o : l) {
                items.add(value(o, line));
            }
            return new ConfigValue.ArrayLit(items, span);
        } else if (v instanceof Map<?, ?> m) {
            List<ConfigValue.Entry> entries = new ArrayList<>();
            int i = line;
            for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
                i++;
                entries.add(new ConfigValue.Entry(e.getKey(), SourceSpan.at("main.baml", i, 5), value(e.getValue(), i)));
            }
            return new ConfigValue.MapLit(entries, span);
        } else if (v == null) {
            return new ConfigValue.NullLit(span);
        }
        throw new IllegalArgumentException(String.valueOf(v));
    }
}
