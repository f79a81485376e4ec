package dev.baml4j.types;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A value in BAML's config syntax: client {@code options}, attribute arguments, test {@code args},
 * generator values. Every value keeps its source span, so option errors can point at it.
 */
public sealed interface ConfigValue {

    SourceSpan span();

    /** How a string was written; unquoted strings are BAML's bare words ({@code openai/gpt-4o}). */
    enum StringStyle { QUOTED, UNQUOTED, RAW }

    record StringLit(String value, StringStyle style, SourceSpan span) implements ConfigValue {
        public StringLit {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(style, "style");
            Objects.requireNonNull(span, "span");
        }
    }

    /** A number exactly as written ({@code -1}, {@code 0.7}); BAML has no exponent form. */
    record NumberLit(String text, SourceSpan span) implements ConfigValue {
        public NumberLit {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(span, "span");
        }

        public boolean isInteger() {
            return text.indexOf('.') < 0;
        }

        public BigDecimal decimal() {
            return new BigDecimal(text);
        }

        public double asDouble() {
            return Double.parseDouble(text);
        }
    }

    record BoolLit(boolean value, SourceSpan span) implements ConfigValue {
    }

    record NullLit(SourceSpan span) implements ConfigValue {
    }

    /** {@code env.NAME}: resolved when the client is built, not when the project loads. */
    record EnvRef(String name, SourceSpan span) implements ConfigValue {
        public EnvRef {
            Objects.requireNonNull(name, "name");
        }
    }

    record ArrayLit(List<ConfigValue> items, SourceSpan span) implements ConfigValue {
        public ArrayLit {
            items = List.copyOf(items);
        }
    }

    /** A map in source order; duplicate keys are kept so validation can report them. */
    record MapLit(List<Entry> entries, SourceSpan span) implements ConfigValue {
        public MapLit {
            entries = List.copyOf(entries);
        }

        public static MapLit empty(SourceSpan span) {
            return new MapLit(List.of(), span);
        }

        /** The last entry with this key, as BAML lets a later key win. */
        public Optional<ConfigValue> get(String key) {
            for (int i = entries.size() - 1; i >= 0; i--) {
                if (entries.get(i).key().equals(key)) {
                    return Optional.of(entries.get(i).value());
                }
            }
            return Optional.empty();
        }

        public Optional<Entry> entry(String key) {
            for (int i = entries.size() - 1; i >= 0; i--) {
                if (entries.get(i).key().equals(key)) {
                    return Optional.of(entries.get(i));
                }
            }
            return Optional.empty();
        }
    }

    record Entry(String key, SourceSpan keySpan, ConfigValue value) {
        public Entry {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }
    }

    /** {@code {{ expression }}}: the text between the braces, trimmed. */
    record JinjaExpr(String expression, SourceSpan span) implements ConfigValue {
    }

    /** {@code TemplateName(args...)}: a template_string call, allowed in test args. */
    record TemplateCall(String name, List<ConfigValue> args, SourceSpan span) implements ConfigValue {
        public TemplateCall {
            args = List.copyOf(args);
        }
    }

    /** The string content if this is a string literal of any style. */
    default Optional<String> asString() {
        return this instanceof StringLit s ? Optional.of(s.value()) : Optional.empty();
    }

    /** A short word for error messages: "a string", "a number", "env.X", ... */
    default String describe() {
        if (this instanceof StringLit) {
            return "a string";
        } else if (this instanceof NumberLit n) {
            return n.isInteger() ? "an integer" : "a number";
        } else if (this instanceof BoolLit) {
            return "a boolean";
        } else if (this instanceof NullLit) {
            return "null";
        } else if (this instanceof EnvRef e) {
            return "env." + e.name();
        } else if (this instanceof ArrayLit) {
            return "an array";
        } else if (this instanceof MapLit) {
            return "a map";
        } else if (this instanceof JinjaExpr) {
            return "a Jinja expression";
        } else {
            return "a template call";
        }
    }
}
