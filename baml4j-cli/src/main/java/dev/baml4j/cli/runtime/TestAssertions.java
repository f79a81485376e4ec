package dev.baml4j.cli.runtime;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.interpret.RenderResult;
import dev.baml4j.types.Attribute;
import dev.baml4j.types.Constraint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a test block's {@code @@check} and {@code @@assert} expressions against a result:
 * {@code this} and {@code _.result} are the result, {@code _.checks.NAME} the outcome of the checks
 * evaluated before, {@code _.latency_ms} the call's latency.
 */
final class TestAssertions {

    /** One evaluated constraint. */
    record Outcome(Constraint constraint, boolean passed, String error) {
    }

    private static final Jinjava JINJA = new Jinjava();

    private TestAssertions() {
    }

    static List<Outcome> evaluate(List<Attribute> attributes, JsonNode result, long latencyMs) {
        Object value = CallFlags.JSON.convertValue(result, new TypeReference<Object>() { });
        Map<String, Object> checks = new LinkedHashMap<>();
        Map<String, Object> underscore = new HashMap<>();
        underscore.put("result", value);
        underscore.put("checks", checks);
        underscore.put("latency_ms", latencyMs);
        List<Outcome> out = new ArrayList<>();
        for (Attribute a : attributes) {
            Constraint c = Constraint.of(a);
            if (c == null) {
                continue;
            }
            Map<String, Object> bindings = new HashMap<>();
            bindings.put("__this", value);
            bindings.put("_", underscore);
            String expr = c.expression().replaceAll("\\bthis\\b", "__this");
            RenderResult r = JINJA.renderForResult("{% if " + expr + " %}true{% else %}false{% endif %}", bindings);
            if (!r.getErrors().isEmpty()) {
                out.add(new Outcome(c, false, r.getErrors().get(0).getMessage()));
                continue;
            }
            boolean passed = r.getOutput().strip().equals("true");
            if (c.name() != null) {
                checks.put(c.name(), passed);
            }
            out.add(new Outcome(c, passed, null));
        }
        return out;
    }
}
