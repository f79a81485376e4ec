package dev.baml4j.lang;

import dev.baml4j.types.Attribute;
import dev.baml4j.types.Attributed;
import dev.baml4j.types.SourceSpan;
import java.util.List;
import java.util.Optional;

/** An {@code enum}; {@code attributes} are its block ({@code @@}) attributes. */
public record EnumDef(String name, List<EnumValueDef> values, List<Attribute> attributes, SourceSpan span, String docComment)
        implements Attributed {
    public EnumDef {
        values = List.copyOf(values);
        attributes = List.copyOf(attributes);
    }

    public Optional<EnumValueDef> value(String valueName) {
        return values.stream().filter(v -> v.name().equals(valueName)).findFirst();
    }
}
