package dev.baml4j.lang;

import dev.baml4j.types.SourceSpan;
import java.util.List;

/** A {@code template_string}: a Jinja macro callable from prompts. */
public record TemplateStringDef(String name, List<ParamDef> params, TemplateText template, SourceSpan span) {
    public TemplateStringDef {
        params = List.copyOf(params);
    }
}
