package dev.baml4j.types;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;

/** BamlValue → JSON, in the shape the official bindings return (see the conformance README). */
final class BamlValueJson {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private BamlValueJson() {
    }

    static JsonNode toJson(BamlValue value) {
        if (value instanceof BamlValue.StringValue s) {
            return F.textNode(s.value());
        } else if (value instanceof BamlValue.IntValue i) {
            return F.numberNode(i.value());
        } else if (value instanceof BamlValue.FloatValue f) {
            // NaN and infinities have no JSON form; the bindings give null.
            return Double.isFinite(f.value()) ? F.numberNode(f.value()) : F.nullNode();
        } else if (value instanceof BamlValue.BoolValue b) {
            return F.booleanNode(b.value());
        } else if (value instanceof BamlValue.NullValue) {
            return F.nullNode();
        } else if (value instanceof BamlValue.ListValue l) {
            ArrayNode a = F.arrayNode(l.items().size());
            for (BamlValue item : l.items()) {
                a.add(toJson(item));
            }
            return a;
        } else if (value instanceof BamlValue.MapValue m) {
            return object(m.entries());
        } else if (value instanceof BamlValue.ClassValue c) {
            return object(c.fields());
        } else if (value instanceof BamlValue.EnumValue e) {
            return F.textNode(e.value());
        } else if (value instanceof BamlValue.MediaValue m) {
            ObjectNode o = F.objectNode();
            o.put(m.source().name().toLowerCase(Locale.ROOT), m.data());
            if (m.mediaType() != null) {
                o.put("media_type", m.mediaType());
            }
            return o;
        } else if (value instanceof BamlValue.CheckedValue c) {
            ObjectNode o = F.objectNode();
            o.set("value", toJson(c.value()));
            ObjectNode checks = o.putObject("checks");
            for (BamlValue.CheckResult r : c.checks().values()) {
                ObjectNode check = checks.putObject(r.name());
                check.put("name", r.name());
                check.put("expression", r.expression());
                check.put("status", r.passed() ? "succeeded" : "failed");
            }
            return o;
        } else {
            BamlValue.StreamStateValue s = (BamlValue.StreamStateValue) value;
            ObjectNode o = F.objectNode();
            String state = s.state().name();
            o.put("state", state.charAt(0) + state.substring(1).toLowerCase(Locale.ROOT));
            o.set("value", toJson(s.value()));
            return o;
        }
    }

    private static ObjectNode object(Map<String, BamlValue> entries) {
        ObjectNode o = F.objectNode();
        for (Map.Entry<String, BamlValue> e : entries.entrySet()) {
            o.set(e.getKey(), toJson(e.getValue()));
        }
        return o;
    }
}
