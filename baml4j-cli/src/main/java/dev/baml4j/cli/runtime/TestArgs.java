package dev.baml4j.cli.runtime;

import dev.baml4j.BamlException;
import dev.baml4j.types.ConfigValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A test block's {@code args} → plain Java values the runtime binds to the function's parameters. */
final class TestArgs {

    private TestArgs() {
    }

    static Map<String, Object> of(ConfigValue.MapLit args, Map<String, String> env) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (ConfigValue.Entry e : args.entries()) {
            out.put(e.key(), value(e.value(), env));
        }
        return out;
    }

    private static Object value(ConfigValue v, Map<String, String> env) {
        if (v instanceof ConfigValue.StringLit s) {
            return s.value();
        } else if (v instanceof ConfigValue.NumberLit n) {
            return n.isInteger() ? (Object) n.decimal().longValueExact() : (Object) n.asDouble();
        } else if (v instanceof ConfigValue.BoolLit b) {
            return b.value();
        } else if (v instanceof ConfigValue.NullLit) {
            return null;
        } else if (v instanceof ConfigValue.EnvRef r) {
            String value = env.get(r.name());
            if (value == null) {
                throw new BamlException(r.span() + ": environment variable " + r.name() + " not set; pass --env "
                        + r.name() + "=... or --env-file");
            }
            return value;
        } else if (v instanceof ConfigValue.ArrayLit a) {
            List<Object> items = new ArrayList<>();
            for (ConfigValue item : a.items()) {
                items.add(value(item, env));
            }
            return items;
        } else if (v instanceof ConfigValue.MapLit m) {
            Map<String, Object> entries = new LinkedHashMap<>();
            for (ConfigValue.Entry e : m.entries()) {
                entries.put(e.key(), value(e.value(), env));
            }
            return entries;
        }
        throw new BamlException(v.span() + ": test args may not be " + v.describe()
                + " in baml4j; write the value out as a literal");
    }
}
