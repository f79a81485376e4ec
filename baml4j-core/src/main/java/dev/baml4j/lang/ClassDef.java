package dev.baml4j.lang;

import dev.baml4j.types.Attribute;
import dev.baml4j.types.Attributed;
import dev.baml4j.types.SourceSpan;
import java.util.List;
import java.util.Optional;

/** A {@code class}; {@code attributes} are its block ({@code @@}) attributes. */
public record ClassDef(String name, List<FieldDef> fields, List<Attribute> attributes, SourceSpan span, String docComment)
        implements Attributed {
    public ClassDef {
        fields = List.copyOf(fields);
        attributes = List.copyOf(attributes);
    }

    public Optional<FieldDef> field(String fieldName) {
        return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
    }

    public boolean isDynamic() {
        return hasAttribute("dynamic");
    }
}
