package dev.baml4j.lang;

import dev.baml4j.types.ConfigValue;
import dev.baml4j.types.SourceSpan;

/**
 * A {@code client<llm>}: its provider ({@code aws-bedrock}, {@code fallback}, {@code round-robin}, ...),
 * an optional retry policy name, and its options exactly as written. Providers validate the options.
 */
public record ClientDef(String name, String provider, SourceSpan providerSpan, String retryPolicy,
        ConfigValue.MapLit options, SourceSpan span) {

    /** Whether this is a strategy ({@code fallback}, {@code round-robin}) rather than a model client. */
    public boolean isStrategy() {
        return provider.equals("fallback") || provider.equals("round-robin")
                || provider.equals("baml-fallback") || provider.equals("baml-round-robin");
    }
}
