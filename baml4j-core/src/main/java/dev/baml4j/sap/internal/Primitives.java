package dev.baml4j.sap.internal;

import dev.baml4j.types.BamlType;
import dev.baml4j.types.BamlValue;

/** {@code string}, {@code int}, {@code float}, {@code bool} and {@code null} from candidate nodes. */
final class Primitives {

    private Primitives() {
    }

    static Coerced coerce(Coercer co, BamlType.PrimitiveKind kind, JValue v) {
        switch (kind) {
            case STRING:
                return string(v);
            case NULL:
                return v == null || v instanceof JValue.JNull ? Coerced.ok(BamlValue.nullValue(), 0)
                        : Coerced.fail("expected null, got " + Coercer.describe(v));
            default:
                break;
        }
        if (v == null || v instanceof JValue.JNull) {
            return Coerced.fail("expected " + kind.keyword() + ", got " + (v == null ? "nothing" : "null"));
        }
        if (co.partial && !v.complete()) {
            return Coerced.fail("the streamed " + kind.keyword() + " is not complete yet");
        }
        if (v instanceof JValue.JArray arr) {
            if (arr.items().isEmpty()) {
                return Coerced.fail("expected " + kind.keyword() + ", got an empty list");
            }
            // Only scalar items are looked at: descending into nested lists for every union variant
            // would make deeply nested input exponential.
            Coerced best = co.pickBest(arr.items(), item -> item instanceof JValue.JArray || item instanceof JValue.JObject
                    ? firstScalar(co, kind, item) : coerce(co, kind, item), "no item of the list is a " + kind.keyword(), false);
            // A scalar picked out of a list ranks below a real list when a union could take either.
            best.stringified = !best.failed();
            return best;
        }
        switch (kind) {
            case INT:
                return integer(v);
            case FLOAT:
                return floating(v);
            default:
                return bool(v);
        }
    }

    /** {@code [[1, 2], [3]]} as {@code int[]} gives {@code [1, 3]}: one level down, the first scalar. */
    private static Coerced firstScalar(Coercer co, BamlType.PrimitiveKind kind, JValue item) {
        if (item instanceof JValue.JArray inner && !inner.items().isEmpty()) {
            JValue first = inner.items().get(0);
            if (!(first instanceof JValue.JArray) && !(first instanceof JValue.JObject)) {
                Coerced c = coerce(co, kind, first);
                return c.failed() ? c : c.withScore(1);
            }
        }
        return Coerced.fail("expected " + kind.keyword() + ", got a nested container");
    }

    private static Coerced string(JValue v) {
        if (v == null || v instanceof JValue.JNull) {
            return Coerced.fail("expected a string, got " + (v == null ? "nothing" : "null"));
        }
        if (v instanceof JValue.JString s) {
            Coerced c = Coerced.ok(BamlValue.of(s.value()), 0);
            c.complete = s.complete();
            return c;
        }
        Coerced c = Coerced.ok(BamlValue.of(JsonishText.print(v)), 2);
        c.stringified = true;
        c.complete = v.complete();
        return c;
    }

    private static Coerced integer(JValue v) {
        if (v instanceof JValue.JNumber n) {
            if (n.isIntegral() && NumberText.isIntegerLiteral(n.text())) {
                return Coerced.ok(BamlValue.of(Long.parseLong(n.text().startsWith("+") ? n.text().substring(1) : n.text())), 0);
            }
            Long r = LooseNumbers.roundToLong(n.asDouble());
            return r == null ? Coerced.fail("the number " + n.text() + " does not fit an int") : Coerced.ok(BamlValue.of(r), 1);
        }
        if (v instanceof JValue.JString s) {
            String t = s.value().trim();
            if (NumberText.isIntegerLiteral(t)) {
                return Coerced.ok(BamlValue.of(Long.parseLong(t.startsWith("+") ? t.substring(1) : t)), 1);
            }
            LooseNumbers.Found f = LooseNumbers.parse(t);
            Long r = f == null ? null : LooseNumbers.roundToLong(f.value());
            if (r == null) {
                return Coerced.fail("Expected int, got " + Coercer.quote(s.value()));
            }
            return Coerced.ok(BamlValue.of(r), f.fromProse() ? 2 : 1);
        }
        return Coerced.fail("Expected int, got " + Coercer.describe(v));
    }

    private static Coerced floating(JValue v) {
        if (v instanceof JValue.JNumber n) {
            return Coerced.ok(BamlValue.of(n.asDouble()), 0);
        }
        if (v instanceof JValue.JString s) {
            LooseNumbers.Found f = LooseNumbers.parse(s.value());
            if (f == null) {
                return Coerced.fail("Expected float, got " + Coercer.quote(s.value()));
            }
            return Coerced.ok(BamlValue.of(f.value()), f.fromProse() ? 2 : 1);
        }
        return Coerced.fail("Expected float, got " + Coercer.describe(v));
    }

    private static Coerced bool(JValue v) {
        if (v instanceof JValue.JBool b) {
            return Coerced.ok(BamlValue.of(b.value()), 0);
        }
        if (v instanceof JValue.JString s) {
            String t = s.value().trim();
            if (t.equalsIgnoreCase("true")) {
                return Coerced.ok(BamlValue.of(true), 1);
            }
            if (t.equalsIgnoreCase("false")) {
                return Coerced.ok(BamlValue.of(false), 1);
            }
            boolean hasTrue = t.contains("true") || t.contains("True") || t.contains("TRUE");
            boolean hasFalse = t.contains("false") || t.contains("False") || t.contains("FALSE");
            if (hasTrue != hasFalse) {
                return Coerced.ok(BamlValue.of(hasTrue), 2);
            }
            return Coerced.fail("Expected bool, got " + Coercer.quote(s.value()));
        }
        return Coerced.fail("Expected bool, got " + Coercer.describe(v));
    }
}
