package dev.baml4j.sap.internal;

import dev.baml4j.lang.ClassDef;
import dev.baml4j.lang.FieldDef;
import dev.baml4j.types.Attribute;
import dev.baml4j.types.BamlType;
import dev.baml4j.types.BamlValue;
import dev.baml4j.types.internal.FrozenMapBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Objects to class instances: keys matched to fields by display name (alias if set), trimmed and
 * case-insensitively; extra keys ignored; missing optionals null, missing lists and maps empty;
 * a one-field class may take a bare value. In partial mode missing fields are pending (null).
 */
final class ClassCoercer {

    private final Coercer co;
    /** What coercion needs to know about each class, worked out once per coercer (per stream). */
    private final Map<String, List<Field>> shapes = new HashMap<>();

    /** A field that is not {@code @skip}, with its attributes (own and its type's) and its resolved type. */
    private record Field(FieldDef def, String name, boolean plainName, BamlType bare, boolean withState,
            boolean notNull, boolean done) {
    }

    ClassCoercer(Coercer co) {
        this.co = co;
    }

    private List<Field> shape(ClassDef def) {
        List<Field> cached = shapes.get(def.name());
        if (cached != null) {
            return cached;
        }
        List<Field> fields = new ArrayList<>();
        for (FieldDef f : def.fields()) {
            if (!f.hasAttribute("skip")) {
                List<Attribute> attrs = fieldAttributes(f);
                String shown = f.renderedName().trim();
                fields.add(new Field(f, shown, plain(shown), co.resolve(f.type()), Coercer.hasAttr(attrs, "stream.with_state"),
                        Coercer.hasAttr(attrs, "stream.not_null"), Coercer.hasAttr(attrs, "stream.done")));
            }
        }
        List<Field> out = List.copyOf(fields);
        shapes.put(def.name(), out);
        return out;
    }

    Coerced coerceClass(String name, JValue v) {
        ClassDef def = co.project.classes().get(name);
        if (def == null) {
            return Coerced.fail("unknown class " + name);
        }
        if (co.partial && def.hasAttribute("stream.done") && v != null && !v.complete()) {
            return Coerced.fail(name + " is not complete yet");
        }
        List<Field> fields = shape(def);
        if (v instanceof JValue.JArray arr) {
            if (arr.items().isEmpty()) {
                return Coerced.fail("expected a " + name + " object, got an empty list");
            }
            return co.pickBest(arr.items(), item -> item instanceof JValue.JArray
                    ? Coerced.fail("a nested list is not a " + name) : coerceClass(name, item), "no item of the list is a " + name, false);
        }
        if (!(v instanceof JValue.JObject obj)) {
            if (fields.size() == 1 && v != null && !(v instanceof JValue.JNull)) {
                return implied(def, fields.get(0).def(), v);
            }
            return fromObject(def, fields, new JValue.JObject(), v == null || v.complete());
        }
        Coerced c = fromObject(def, fields, obj, obj.complete());
        if (c.failed() && fields.size() == 1 && !anyKeyMatches(obj, fields.get(0).def())) {
            Coerced whole = implied(def, fields.get(0).def(), obj);
            if (!whole.failed()) {
                return whole;
            }
        }
        return c;
    }

    private Coerced implied(ClassDef def, FieldDef field, JValue v) {
        Coerced inner = co.coerce(field.type(), v);
        BamlValue value;
        if (inner.failed()) {
            if (!co.partial) {
                return Coerced.fail(def.name() + "." + field.name() + ": " + inner.error());
            }
            value = BamlValue.nullValue();
        } else {
            Coerced checked = co.constraints.apply(field.attributes(), inner);
            if (checked.failed()) {
                return checked;
            }
            value = checked.value;
        }
        Map<String, BamlValue> out = new LinkedHashMap<>();
        out.put(field.name(), value);
        Coerced c = Coerced.ok(new BamlValue.ClassValue(def.name(), out), 2 + (inner.failed() ? 0 : 10 * inner.score));
        c.inferredFromString = v instanceof JValue.JString;
        c.complete = v.complete();
        return co.constraints.apply(def.attributes(), c);
    }

    private boolean anyKeyMatches(JValue.JObject obj, FieldDef f) {
        for (String k : obj.keys()) {
            if (keyMatches(k, f.renderedName())) {
                return true;
            }
        }
        return false;
    }

    private Coerced fromObject(ClassDef def, List<Field> fields, JValue.JObject obj, boolean complete) {
        FrozenMapBuilder out = new FrozenMapBuilder();
        List<String> missing = new ArrayList<>();
        List<String> unparsed = new ArrayList<>();
        boolean[] used = new boolean[obj.size()];
        // Each key is trimmed and classified once, not once per field.
        String[] keys = new String[obj.size()];
        boolean[] plainKeys = new boolean[obj.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = obj.keys().get(i).trim();
            plainKeys[i] = plain(keys[i]);
        }
        boolean allKeysPresent = true;
        int score = 0;
        int defaults = 0;
        for (Field field : fields) {
            FieldDef f = field.def();
            int at = -1;
            for (int i = 0; i < keys.length; i++) {
                if (keyMatches(keys[i], plainKeys[i], field)) {
                    if (at < 0) {
                        at = i;
                    }
                    used[i] = true;
                }
            }
            JValue raw = at < 0 ? null : obj.values().get(at);
            allKeysPresent &= at >= 0;
            BamlType bare = field.bare();
            boolean withState = co.partial && field.withState();
            boolean notNull = co.partial && field.notNull();
            BamlValue value;
            if (raw == null) {
                defaults++;
                value = defaultFor(bare);
                if (co.partial) {
                    if (value == null) {
                        value = BamlValue.nullValue();
                    }
                    score += 1;
                } else if (value == null) {
                    missing.add(f.name());
                    continue;
                } else {
                    score += bare instanceof BamlType.Optional || bare.equals(BamlType.NULL) ? 1 : 100;
                }
                if (notNull && value.isNull()) {
                    return Coerced.fail(def.name() + "." + f.name() + " has no value yet");
                }
                out.put(f.name(), withState ? new BamlValue.StreamStateValue(BamlValue.StreamState.PENDING, value) : value);
                continue;
            }
            Coerced c;
            if (co.partial && field.done() && !raw.complete()) {
                c = Coerced.fail("not complete yet");
            } else {
                c = co.coerce(f.type(), raw);
                if (!c.failed()) {
                    c = co.constraints.apply(f.attributes(), c);
                }
            }
            if (c.failed()) {
                BamlValue d = defaultFor(bare);
                if (co.partial) {
                    value = d == null ? BamlValue.nullValue() : d;
                } else if (d == null) {
                    unparsed.add(f.name() + ": " + c.error);
                    continue;
                } else {
                    value = d;
                }
                defaults++;
                score += 2;
            } else {
                value = c.value;
                score += 10 * Math.min(c.score, 10_000_000);
                if (c.defaulted) {
                    defaults++;
                }
            }
            if (notNull && value.isNull()) {
                return Coerced.fail(def.name() + "." + f.name() + " has no value yet");
            }
            if (withState) {
                boolean done = c.failed() ? raw.complete() : c.complete;
                value = new BamlValue.StreamStateValue(done ? BamlValue.StreamState.COMPLETE
                        : BamlValue.StreamState.INCOMPLETE, value);
            }
            out.put(f.name(), value);
        }
        if (!missing.isEmpty() || !unparsed.isEmpty()) {
            StringBuilder msg = new StringBuilder("Failed to parse ").append(def.name())
                    .append(": missing=").append(missing.size()).append(", unparsed=").append(unparsed.size());
            for (String m : missing) {
                msg.append("; missing required field `").append(m).append('`');
            }
            for (String u : unparsed) {
                msg.append("; field `").append(u.replaceFirst(": ", "`: "));
            }
            return Coerced.fail(msg.toString());
        }
        for (boolean u : used) {
            if (!u) {
                score += 1;
            }
        }
        Coerced c = Coerced.ok(new BamlValue.ClassValue(def.name(), out.build()), score);
        c.allDefaults = !fields.isEmpty() && defaults == fields.size();
        // The official runtime calls an open object complete once every field has its key.
        c.complete = complete || allKeysPresent;
        return co.constraints.apply(def.attributes(), c);
    }

    private List<Attribute> fieldAttributes(FieldDef f) {
        List<Attribute> attrs = new ArrayList<>(f.attributes());
        if (f.type() instanceof BamlType.Annotated a) {
            attrs.addAll(a.attributes());
        }
        return attrs;
    }

    private static BamlValue defaultFor(BamlType bare) {
        if (bare instanceof BamlType.ListOf) {
            return new BamlValue.ListValue(List.of());
        }
        if (bare instanceof BamlType.MapOf) {
            return new BamlValue.MapValue(Map.of());
        }
        if (bare instanceof BamlType.Optional || bare.equals(BamlType.NULL)) {
            return BamlValue.nullValue();
        }
        return null;
    }

    /** {@link #keyMatches(String, String)} for a trimmed key and a field, with what is known about both. */
    private static boolean keyMatches(String key, boolean plainKey, Field field) {
        String n = field.name();
        if (key.equals(n) || key.equalsIgnoreCase(n)) {
            return true;
        }
        if (plainKey && field.plainName()) {
            return false;
        }
        return keyMatches(key, n);
    }

    static boolean keyMatches(String key, String name) {
        String k = key.trim();
        String n = name.trim();
        if (k.equals(n) || k.equalsIgnoreCase(n)) {
            return true;
        }
        if (plain(k) && plain(n)) {
            return false;
        }
        String fk = TextMatcher.fold(k);
        String fn = TextMatcher.fold(n);
        return fk.equalsIgnoreCase(fn) || strip(fk).equals(strip(fn));
    }

    /** Only ASCII letters and digits: folding and stripping cannot make two such keys equal. */
    private static boolean plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 128 || !Character.isLetterOrDigit(c)) {
                return false;
            }
        }
        return true;
    }

    private static String strip(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                b.append(c);
            }
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }
}
