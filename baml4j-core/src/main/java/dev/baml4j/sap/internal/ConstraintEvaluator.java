package dev.baml4j.sap.internal;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.TreeParser;
import dev.baml4j.types.Attribute;
import dev.baml4j.types.BamlValue;
import dev.baml4j.types.Constraint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Evaluates {@code @check} and {@code @assert} expressions with Jinjava, {@code this} bound to the
 * parsed value. Each expression is parsed once and the tree is cached. Checks are attached to the
 * value as {@link BamlValue.CheckedValue}; a failing assert fails the node.
 */
public final class ConstraintEvaluator {

    private final Jinjava jinjava = new Jinjava(JinjavaConfig.newBuilder().withFailOnUnknownTokens(false).build());
    private final Map<String, Node> compiled = new ConcurrentHashMap<>();

    Coerced apply(List<Attribute> attributes, Coerced c) {
        if (c.failed() || attributes.isEmpty()) {
            return c;
        }
        Map<String, BamlValue.CheckResult> checks = new LinkedHashMap<>();
        for (Attribute a : attributes) {
            Constraint k = Constraint.of(a);
            if (k == null) {
                continue;
            }
            boolean passed = evaluate(k.expression(), c.value);
            if (k.level() == Constraint.Level.ASSERT) {
                if (!passed) {
                    return Coerced.fail("assertion " + (k.name() == null ? "" : k.name() + " ") + "failed: {{ "
                            + k.expression() + " }}");
                }
            } else {
                String name = k.name() == null ? k.expression() : k.name();
                checks.put(name, new BamlValue.CheckResult(name, k.expression(), passed));
            }
        }
        return checks.isEmpty() ? c : c.map(new BamlValue.CheckedValue(c.value, checks));
    }

    boolean evaluate(String expression, BamlValue value) {
        Node node = compiled.computeIfAbsent(expression, this::compile);
        Map<String, Object> bindings = new HashMap<>();
        bindings.put("this", toJava(value));
        JinjavaInterpreter interpreter = new JinjavaInterpreter(jinjava, new Context(jinjava.getGlobalContext(), bindings),
                jinjava.getGlobalConfig());
        String out = interpreter.render(node, false);
        return out.trim().equals("1");
    }

    private Node compile(String expression) {
        JinjavaInterpreter interpreter = jinjava.newInterpreter();
        return new TreeParser(interpreter, "{% if " + expression + " %}1{% else %}0{% endif %}").buildTree();
    }

    static Object toJava(BamlValue v) {
        if (v instanceof BamlValue.StringValue s) {
            return s.value();
        } else if (v instanceof BamlValue.IntValue i) {
            return i.value();
        } else if (v instanceof BamlValue.FloatValue f) {
            return f.value();
        } else if (v instanceof BamlValue.BoolValue b) {
            return b.value();
        } else if (v instanceof BamlValue.ListValue l) {
            List<Object> out = new ArrayList<>();
            for (BamlValue item : l.items()) {
                out.add(toJava(item));
            }
            return out;
        } else if (v instanceof BamlValue.MapValue m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.entries().forEach((k, x) -> out.put(k, toJava(x)));
            return out;
        } else if (v instanceof BamlValue.ClassValue c) {
            Map<String, Object> out = new LinkedHashMap<>();
            c.fields().forEach((k, x) -> out.put(k, toJava(x)));
            return out;
        } else if (v instanceof BamlValue.EnumValue e) {
            return e.value();
        } else if (v instanceof BamlValue.CheckedValue c) {
            return toJava(c.value());
        } else if (v instanceof BamlValue.StreamStateValue s) {
            return toJava(s.value());
        }
        return null;
    }
}
