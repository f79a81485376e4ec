package dev.baml4j.lang;

import dev.baml4j.types.BamlType;
import dev.baml4j.types.SourceSpan;
import java.util.List;
import java.util.Optional;

/**
 * An LLM {@code function}. {@code client} names a {@link ClientDef} of the project; a
 * {@code "provider/model"} shorthand is turned into a client of that name by validation.
 */
public record FunctionDef(String name, List<ParamDef> params, BamlType returnType, String client,
        SourceSpan clientSpan, TemplateText prompt, SourceSpan span) {
    public FunctionDef {
        params = List.copyOf(params);
    }

    public Optional<ParamDef> param(String paramName) {
        return params.stream().filter(p -> p.name().equals(paramName)).findFirst();
    }
}
