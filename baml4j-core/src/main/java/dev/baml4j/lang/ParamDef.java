package dev.baml4j.lang;

import dev.baml4j.types.Attribute;
import dev.baml4j.types.Attributed;
import dev.baml4j.types.BamlType;
import dev.baml4j.types.SourceSpan;
import java.util.List;

/** A function or template_string parameter: {@code text: string}. */
public record ParamDef(String name, BamlType type, List<Attribute> attributes, SourceSpan span) implements Attributed {
    public ParamDef {
        attributes = List.copyOf(attributes);
    }
}
