package dev.baml4j.lang;

import dev.baml4j.types.BamlType;
import dev.baml4j.types.SourceSpan;

/** {@code type Name = Type}. */
public record TypeAliasDef(String name, BamlType type, SourceSpan span) {
}
