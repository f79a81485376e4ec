package dev.baml4j.types;

import java.util.Objects;

/**
 * A {@code @check} or {@code @assert}: a Jinja expression evaluated against a parsed value
 * ({@code this}). Checks are reported; asserts invalidate the value when they fail.
 */
public record Constraint(Level level, String name, String expression, SourceSpan span) {

    public enum Level { CHECK, ASSERT }

    public Constraint {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(expression, "expression");
    }

    /** Reads the constraint out of a {@code check}/{@code assert} attribute, or null if it is neither. */
    public static Constraint of(Attribute attribute) {
        Level level;
        if (attribute.name().equals("check")) {
            level = Level.CHECK;
        } else if (attribute.name().equals("assert")) {
            level = Level.ASSERT;
        } else {
            return null;
        }
        String name = null;
        String expression = null;
        for (ConfigValue arg : attribute.args()) {
            if (arg instanceof ConfigValue.JinjaExpr j) {
                expression = j.expression();
            } else if (arg instanceof ConfigValue.StringLit s) {
                name = s.value();
            }
        }
        return expression == null ? null : new Constraint(level, name, expression, attribute.span());
    }
}
