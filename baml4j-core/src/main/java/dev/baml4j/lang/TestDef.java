package dev.baml4j.lang;

import dev.baml4j.types.Attribute;
import dev.baml4j.types.Attributed;
import dev.baml4j.types.ConfigValue;
import dev.baml4j.types.SourceSpan;
import java.util.List;

/** A {@code test} block: the functions it runs, their args, and its {@code @@check}/{@code @@assert}s. */
public record TestDef(String name, List<String> functions, ConfigValue.MapLit args, List<Attribute> attributes,
        SourceSpan span) implements Attributed {
    public TestDef {
        functions = List.copyOf(functions);
        attributes = List.copyOf(attributes);
    }
}
