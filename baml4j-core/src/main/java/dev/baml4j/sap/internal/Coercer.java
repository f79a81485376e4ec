package dev.baml4j.sap.internal;

import dev.baml4j.lang.BamlProject;
import dev.baml4j.types.Attribute;
import dev.baml4j.types.BamlType;
import dev.baml4j.types.BamlValue;
import dev.baml4j.types.internal.AppendOnlyValues;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Coerces candidate trees to BAML types. Never re-tokenizes: it only reads {@link JValue}s. In
 * partial mode (a stream prefix) scalars must be complete, missing fields are null, and the
 * {@code @stream.*} attributes apply.
 */
public final class Coercer {

    /** Type nesting beyond this fails cleanly instead of overflowing the stack. */
    static final int MAX_DEPTH = 600;

    final BamlProject project;
    final boolean partial;
    final ConstraintEvaluator constraints;
    private final ClassCoercer classes;
    private final ChoiceCoercer choices;
    private int depth;
    private final Set<InProgress> inProgress = new HashSet<>();
    /** The nodes of {@link #inProgress}, innermost last (cheaper to scan than the set). */
    private final List<JValue> nodesInProgress = new ArrayList<>();

    /** A (type name, node) pair being coerced further up the stack; nodes compare by identity. */
    private record InProgress(String type, JValue node) {
        @Override
        public boolean equals(Object o) {
            return o instanceof InProgress p && p.type.equals(type) && p.node == node;
        }

        @Override
        public int hashCode() {
            return type.hashCode() * 31 + System.identityHashCode(node);
        }
    }

    public Coercer(BamlProject project, boolean partial, ConstraintEvaluator constraints) {
        this.project = project;
        this.partial = partial;
        this.constraints = constraints;
        this.classes = new ClassCoercer(this);
        this.choices = new ChoiceCoercer(this);
    }

    /** The entry point: a whole-text candidate set to the target type. */
    public Coerced coerceRoot(BamlType target, JValue root) {
        Coerced c = coerce(target, root);
        if (!c.failed() && c.inferredFromString) {
            return Coerced.fail("a plain text answer cannot fill a " + target.toBaml()
                    + " (no object found in the output)");
        }
        return c;
    }

    Coerced coerce(BamlType type, JValue v) {
        if (++depth > MAX_DEPTH) {
            depth--;
            return Coerced.fail("value nested deeper than " + MAX_DEPTH + " levels");
        }
        try {
            JValue.Memo memo = partial ? memoOf(v) : null;
            if (memo == null) {
                return dispatch(type, v);
            }
            Coerced cached = memo.get(type);
            if (cached != null) {
                return cached.copy();
            }
            // Only the outermost visit of a node is context-free (an inner visit may have been
            // cut short by the recursion guard), so only that one is remembered.
            boolean outermost = !visiting(v);
            Coerced c = dispatch(type, v);
            if (outermost) {
                memo.put(type, c.copy());
            }
            return c;
        } finally {
            depth--;
        }
    }

    private static JValue.Memo memoOf(JValue v) {
        if (v instanceof JValue.JObject o && o.complete) {
            if (o.memo == null) {
                o.memo = new JValue.Memo();
            }
            return o.memo;
        }
        if (v instanceof JValue.JArray a && a.complete) {
            if (a.memo == null) {
                a.memo = new JValue.Memo();
            }
            return a.memo;
        }
        return null;
    }

    private boolean visiting(JValue v) {
        for (int i = nodesInProgress.size() - 1; i >= 0; i--) {
            if (nodesInProgress.get(i) == v) {
                return true;
            }
        }
        return false;
    }

    private boolean enter(InProgress key) {
        if (!inProgress.add(key)) {
            return false;
        }
        nodesInProgress.add(key.node);
        return true;
    }

    private void leave(InProgress key) {
        inProgress.remove(key);
        nodesInProgress.remove(nodesInProgress.size() - 1);
    }

    private Coerced dispatch(BamlType type, JValue v) {
        if (v instanceof JValue.JAnyOf any) {
            BamlType bare = resolve(type);
            if (type.equals(BamlType.STRING)) {
                return coerce(type, new JValue.JString(any.original(), any.complete()));
            }
            if (bare instanceof BamlType.EnumRef || (bare instanceof BamlType.Literal l && l.value() instanceof String)) {
                if (partial) {
                    return Coerced.fail("the streamed " + bare.toBaml() + " value is not complete yet");
                }
                return coerce(type, new JValue.JString(any.original(), true));
            }
            return pickBest(any.candidates(), c -> coerce(type, c), "Failed to find any " + type.toBaml() + " in "
                    + any.candidates().size() + " items", false);
        }
        if (v instanceof JValue.JMarkdown m) {
            Coerced c = coerce(type, m.inner());
            return type.equals(BamlType.STRING) && !c.failed() ? c.withScore(1) : c;
        }
        if (v instanceof JValue.JFixed f) {
            return coerce(type, f.inner());
        }
        if (type instanceof BamlType.Annotated a) {
            return annotated(a, v);
        }
        if (type instanceof BamlType.AliasRef ref) {
            BamlType target = project.aliases().containsKey(ref.name()) ? project.aliases().get(ref.name()).type() : null;
            if (target == null) {
                return Coerced.fail("unknown type alias " + ref.name());
            }
            // A recursive alias may come back to the same node (a value wrapped into a list of
            // itself); the second visit fails, which keeps recursive types linear.
            InProgress key = new InProgress(ref.name(), v);
            if (!enter(key)) {
                return Coerced.fail(ref.name() + " refers back to itself for the same value");
            }
            try {
                return coerce(target, v);
            } finally {
                leave(key);
            }
        }
        if (type instanceof BamlType.Optional o) {
            return optional(o.inner(), v);
        }
        if (type instanceof BamlType.Union u) {
            return pickBest(u.options(), t -> coerce(t, v), "Failed to find any " + type.toBaml() + " in "
                    + u.options().size() + " items", true);
        }
        if (type instanceof BamlType.ListOf l) {
            return list(l.element(), v);
        }
        if (type instanceof BamlType.MapOf m) {
            return map(m.value(), v);
        }
        if (type instanceof BamlType.ClassRef c) {
            InProgress key = new InProgress(c.name(), v);
            if (!enter(key)) {
                return Coerced.fail(c.name() + " refers back to itself for the same value");
            }
            try {
                return classes.coerceClass(c.name(), v);
            } finally {
                leave(key);
            }
        }
        if (type instanceof BamlType.EnumRef e) {
            return choices.enumValue(e.name(), v);
        }
        if (type instanceof BamlType.Literal l) {
            return choices.literal(l, v);
        }
        if (type instanceof BamlType.Primitive p) {
            return Primitives.coerce(this, p.kind(), v);
        }
        return Coerced.fail("media values cannot be parsed from LLM output");
    }

    BamlType resolve(BamlType t) {
        BamlType u = t.unannotated();
        int guard = 0;
        while (u instanceof BamlType.AliasRef a && guard++ < 100 && project.aliases().containsKey(a.name())) {
            u = project.aliases().get(a.name()).type().unannotated();
        }
        return u;
    }

    private Coerced annotated(BamlType.Annotated a, JValue v) {
        if (partial && hasAttr(a.attributes(), "stream.done") && !v.complete()) {
            return Coerced.fail("the streamed value is not complete yet");
        }
        Coerced c = coerce(a.inner(), v);
        return c.failed() ? c : constraints.apply(a.attributes(), c);
    }

    static boolean hasAttr(List<Attribute> attrs, String name) {
        for (Attribute at : attrs) {
            if (at.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    static boolean isNull(JValue v) {
        if (v == null || v instanceof JValue.JNull) {
            return true;
        }
        if (v instanceof JValue.JFixed f) {
            return isNull(f.inner());
        }
        if (v instanceof JValue.JAnyOf any) {
            for (JValue c : any.candidates()) {
                if (isNull(c)) {
                    return true;
                }
            }
        }
        return false;
    }

    private Coerced optional(BamlType inner, JValue v) {
        if (isNull(v)) {
            Coerced c = Coerced.ok(BamlValue.nullValue(), v == null ? 1 : 0);
            c.defaulted = v == null;
            return c;
        }
        Coerced c = coerce(inner, v);
        if (c.failed()) {
            Coerced n = Coerced.ok(BamlValue.nullValue(), 110);
            n.defaulted = true;
            return n;
        }
        return c;
    }

    private Coerced list(BamlType element, JValue v) {
        if (v instanceof JValue.JArray arr) {
            int score = 0;
            int childScores = 0;
            int start = 0;
            boolean reuse = partial && !arr.complete();
            AppendOnlyValues items;
            if (reuse) {
                if (arr.prefixType != element || arr.prefixValues == null) {
                    arr.prefixType = element;
                    arr.prefixValues = new AppendOnlyValues(Math.max(8, arr.items().size()));
                    arr.prefixCount = 0;
                    arr.prefixScore = 0;
                    arr.prefixChildScores = 0;
                }
                // Items before the last one are closed: their values were kept from earlier chunks,
                // and the kept prefix only ever grows, so each item is coerced once and the list
                // value shares the kept values instead of copying them.
                items = arr.prefixValues;
                start = arr.prefixCount;
                score = arr.prefixScore;
                childScores = arr.prefixChildScores;
            } else {
                items = new AppendOnlyValues(arr.items().size());
            }
            BamlValue open = null;
            int last = arr.items().size() - 1;
            for (int i = start; i <= last; i++) {
                JValue item = arr.items().get(i);
                Coerced c = coerce(element, item);
                if (c.failed()) {
                    score += 1 + Math.min(i, 1000);
                } else {
                    childScores += c.score;
                    if (reuse && i == last) {
                        open = c.value;
                    } else {
                        items.add(c.value);
                    }
                }
                if (reuse && i < last) {
                    arr.prefixCount = i + 1;
                    arr.prefixScore = score;
                    arr.prefixChildScores = childScores;
                }
            }
            List<BamlValue> values = open == null ? items.view() : items.viewWith(open);
            Coerced out = Coerced.ok(new BamlValue.ListValue(values), score + 10 * Math.min(childScores, 10_000_000));
            out.complete = arr.complete();
            return out;
        }
        if (v instanceof JValue.JNull) {
            return Coerced.fail("expected a list, got null");
        }
        Coerced c = coerce(element, v);
        List<BamlValue> items = new ArrayList<>(1);
        int score = 1;
        if (!c.failed()) {
            items.add(c.value);
            score += 10 * c.score;
        }
        Coerced out = Coerced.ok(new BamlValue.ListValue(items), score);
        out.wrapped = true;
        out.defaulted = items.isEmpty();
        return out;
    }

    private Coerced map(BamlType valueType, JValue v) {
        if (!(v instanceof JValue.JObject obj)) {
            return Coerced.fail("expected an object for a map, got " + describe(v));
        }
        Map<String, BamlValue> entries = new LinkedHashMap<>();
        int score = 1;
        int childScores = 0;
        for (int i = 0; i < obj.size(); i++) {
            String key = obj.keys().get(i);
            if (entries.containsKey(key)) {
                continue;
            }
            Coerced c = coerce(valueType, obj.values().get(i));
            if (c.failed()) {
                score += 1;
                continue;
            }
            entries.put(key, c.value);
            childScores += c.score;
        }
        Coerced out = Coerced.ok(new BamlValue.MapValue(entries), score + 10 * Math.min(childScores, 10_000_000));
        out.complete = obj.complete();
        return out;
    }

    /**
     * Picks the best successful coercion: real values before defaults, composite values before
     * printed or wrapped ones, then the lowest score, then the earliest.
     */
    <T> Coerced pickBest(List<T> options, Function<T, Coerced> attempt, String failure, boolean union) {
        Coerced best = null;
        int bestRank = 0;
        List<String> errors = new ArrayList<>();
        for (T option : options) {
            Coerced c = attempt.apply(option);
            if (c.failed()) {
                errors.add(c.error);
                continue;
            }
            int rank = (c.defaulted || c.allDefaults || c.inferredFromString ? 2 : 0) + (c.stringified || c.wrapped ? 1 : 0);
            if (best == null || rank < bestRank || (rank == bestRank && c.score < best.score)) {
                best = c;
                bestRank = rank;
            }
        }
        if (best == null) {
            if (errors.size() == 1) {
                return Coerced.fail(errors.get(0));
            }
            return Coerced.fail(failure + ": " + String.join("; ", errors));
        }
        if (options.size() > 1 && !union) {
            best.score += 1;
        }
        return best;
    }

    static String describe(JValue v) {
        if (v == null) {
            return "nothing";
        }
        if (v instanceof JValue.JString s) {
            return "the string " + quote(s.value());
        }
        if (v instanceof JValue.JNull) {
            return "null";
        }
        if (v instanceof JValue.JArray) {
            return "a list";
        }
        if (v instanceof JValue.JObject) {
            return "an object";
        }
        return quote(JsonishText.print(v));
    }

    static String quote(String s) {
        String t = s.length() > 80 ? s.substring(0, 80) + "…" : s;
        return "\"" + t.replace("\n", "\\n") + "\"";
    }
}
