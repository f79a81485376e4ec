package dev.baml4j.sap.internal;

import dev.baml4j.lang.EnumDef;
import dev.baml4j.lang.EnumValueDef;
import dev.baml4j.types.BamlType;
import dev.baml4j.types.BamlValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Enum values and literals: the text is matched against each value's display name (its alias if
 * set) and description, exactly first, then by substring counts; a tie is an ambiguity error.
 * Int and bool literals coerce as int or bool and compare.
 */
final class ChoiceCoercer {

    private final Coercer co;

    ChoiceCoercer(Coercer co) {
        this.co = co;
    }

    Coerced enumValue(String enumName, JValue v) {
        EnumDef def = co.project.enums().get(enumName);
        if (def == null) {
            return Coerced.fail("unknown enum " + enumName);
        }
        if (v == null || v instanceof JValue.JNull) {
            return Coerced.fail("expected a " + enumName + " value, got null");
        }
        if (co.partial && !v.complete()) {
            return Coerced.fail("the streamed " + enumName + " value is not complete yet");
        }
        String text = v instanceof JValue.JString s ? s.value() : JsonishText.print(v);
        Map<String, List<String>> cands = new LinkedHashMap<>();
        for (EnumValueDef value : def.values()) {
            if (value.isSkipped()) {
                continue;
            }
            List<String> forms = new ArrayList<>();
            forms.add(value.renderedName());
            value.attributeString("description").ifPresent(d -> {
                forms.add(d);
                forms.add(value.renderedName() + ": " + d);
            });
            cands.put(value.name(), forms);
        }
        TextMatcher.Result r = TextMatcher.match(text, cands);
        if (r.ambiguity() != null) {
            return Coerced.fail("Too many matches for " + enumName + ". Got: " + r.ambiguity());
        }
        if (r.winner() == null) {
            return Coerced.fail("Expected a " + enumName + " value, got " + Coercer.quote(text));
        }
        Coerced c = Coerced.ok(new BamlValue.EnumValue(enumName, r.winner()), r.exact() ? 0 : 2);
        return co.constraints.apply(def.attributes(), c);
    }

    Coerced literal(BamlType.Literal lit, JValue v) {
        JValue in = v;
        if (in instanceof JValue.JObject obj && obj.size() == 1) {
            JValue only = obj.values().get(0);
            if (!(only instanceof JValue.JObject) && !(only instanceof JValue.JArray)) {
                in = only;
            }
        }
        Object expected = lit.value();
        if (expected instanceof String s) {
            if (in == null || in instanceof JValue.JNull) {
                return Coerced.fail("expected " + Coercer.quote(s) + ", got null");
            }
            if (co.partial && !in.complete()) {
                return Coerced.fail("the streamed literal is not complete yet");
            }
            String text = in instanceof JValue.JString js ? js.value() : JsonishText.print(in);
            TextMatcher.Result r = TextMatcher.match(text, Map.of(s, List.of(s)));
            if (r.winner() == null) {
                return Coerced.fail("expected " + Coercer.quote(s) + ", got " + Coercer.quote(text));
            }
            return Coerced.ok(BamlValue.of(s), r.exact() ? 0 : 2);
        }
        BamlType.PrimitiveKind kind = expected instanceof Long ? BamlType.PrimitiveKind.INT : BamlType.PrimitiveKind.BOOL;
        Coerced c = Primitives.coerce(co, kind, in);
        if (c.failed()) {
            return c;
        }
        Object got = c.value instanceof BamlValue.IntValue i ? (Object) i.value()
                : c.value instanceof BamlValue.BoolValue b ? (Object) b.value() : null;
        if (!expected.equals(got)) {
            return Coerced.fail("expected the literal " + expected + ", got " + got);
        }
        return c;
    }
}
