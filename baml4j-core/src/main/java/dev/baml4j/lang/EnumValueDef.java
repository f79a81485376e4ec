package dev.baml4j.lang;

import dev.baml4j.types.Attribute;
import dev.baml4j.types.Attributed;
import dev.baml4j.types.SourceSpan;
import java.util.List;

/** One value of an enum. */
public record EnumValueDef(String name, List<Attribute> attributes, SourceSpan span, String docComment)
        implements Attributed {
    public EnumValueDef {
        attributes = List.copyOf(attributes);
    }

    public String renderedName() {
        return attributeString("alias").orElse(name);
    }

    public boolean isSkipped() {
        return hasAttribute("skip");
    }
}
