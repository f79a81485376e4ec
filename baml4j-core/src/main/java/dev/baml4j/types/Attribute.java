package dev.baml4j.types;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An attribute as written: {@code @alias("x")}, {@code @stream.done}, or the block form
 * {@code @@description("...")} ({@code block == true}). The name has no {@code @}.
 */
public record Attribute(String name, boolean block, List<ConfigValue> args, SourceSpan span) {

    public Attribute {
        Objects.requireNonNull(name, "name");
        args = List.copyOf(args);
        Objects.requireNonNull(span, "span");
    }

    /** The first argument as a string, for {@code @alias}, {@code @description}. */
    public Optional<String> stringArg() {
        return args.isEmpty() ? Optional.empty() : args.get(0).asString();
    }

    @Override
    public String toString() {
        return (block ? "@@" : "@") + name;
    }
}
