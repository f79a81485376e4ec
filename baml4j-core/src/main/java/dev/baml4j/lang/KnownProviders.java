package dev.baml4j.lang;

import java.util.List;

/**
 * The provider names the BAML language itself knows (whether or not baml4j ships them). Used for
 * "did you mean" hints and by tools that tell language errors from option errors.
 */
public final class KnownProviders {

    /** Closest-first order matters only for hints; strategies are {@code fallback} and {@code round-robin}. */
    public static final List<String> NAMES = List.of("aws-bedrock", "fallback", "anthropic", "openai",
            "openai-generic", "azure-openai", "openai-responses", "ollama", "openrouter", "google-ai", "vertex-ai",
            "round-robin");

    private KnownProviders() {
    }

    /** {@code fallback} and {@code round-robin} (and their legacy {@code baml-} names) are strategies. */
    public static boolean isStrategy(String provider) {
        return provider.equals("fallback") || provider.equals("round-robin") || provider.equals("baml-fallback")
                || provider.equals("baml-round-robin");
    }
}
