package dev.baml4j.lang;

import dev.baml4j.types.Attribute;
import dev.baml4j.types.Attributed;
import dev.baml4j.types.BamlType;
import dev.baml4j.types.SourceSpan;
import java.util.List;

/** A class field. {@code docComment} holds its {@code ///} lines, or null. */
public record FieldDef(String name, BamlType type, List<Attribute> attributes, SourceSpan span, String docComment)
        implements Attributed {
    public FieldDef {
        attributes = List.copyOf(attributes);
    }

    /** The name the LLM sees and the parser accepts: the {@code @alias}, else the field name. */
    public String renderedName() {
        return attributeString("alias").orElse(name);
    }

    public java.util.Optional<String> description() {
        return attributeString("description");
    }
}
