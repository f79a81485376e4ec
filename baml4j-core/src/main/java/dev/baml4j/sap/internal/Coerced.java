package dev.baml4j.sap.internal;

import dev.baml4j.types.BamlValue;

/**
 * The outcome of coercing one candidate node to one type: a value with its penalty score and the
 * marks the union/candidate picker looks at, or a failure with a reason naming the path.
 */
public final class Coerced {

    final BamlValue value;
    final String error;
    /** Lower is better: own penalties plus 10 times the children's scores. */
    int score;
    /** A default filled in for something absent (missing field, empty list from a non-list). */
    boolean defaulted;
    /** A list made by wrapping a single non-list value. */
    boolean wrapped;
    /** A string made by printing a non-string node. */
    boolean stringified;
    /** A one-field class filled from a bare string: rejected at the top level. */
    boolean inferredFromString;
    /** A class whose fields all came out as defaults. */
    boolean allDefaults;
    /** Whether the node the value came from was complete (for streaming). */
    boolean complete = true;

    private Coerced(BamlValue value, String error, int score) {
        this.value = value;
        this.error = error;
        this.score = score;
    }

    static Coerced ok(BamlValue value, int score) {
        return new Coerced(value, null, score);
    }

    static Coerced fail(String error) {
        return new Coerced(null, error, 0);
    }

    boolean failed() {
        return error != null;
    }

    public BamlValue value() {
        return value;
    }

    public String error() {
        return error;
    }

    Coerced withScore(int extra) {
        score += extra;
        return this;
    }

    /** An independent copy (callers adjust scores and marks of what they get). */
    Coerced copy() {
        if (error != null) {
            return fail(error);
        }
        return map(value);
    }

    /** A copy with another value and the same marks. */
    Coerced map(BamlValue newValue) {
        Coerced c = new Coerced(newValue, null, score);
        c.defaulted = defaulted;
        c.wrapped = wrapped;
        c.stringified = stringified;
        c.inferredFromString = inferredFromString;
        c.allDefaults = allDefaults;
        c.complete = complete;
        return c;
    }
}
