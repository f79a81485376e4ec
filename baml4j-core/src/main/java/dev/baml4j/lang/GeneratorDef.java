package dev.baml4j.lang;

import dev.baml4j.types.ConfigValue;
import dev.baml4j.types.SourceSpan;

/** A {@code generator} block: parsed and kept, used only by tools that generate code. */
public record GeneratorDef(String name, ConfigValue.MapLit options, SourceSpan span) {
}
