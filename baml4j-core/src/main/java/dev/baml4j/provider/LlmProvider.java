package dev.baml4j.provider;

import dev.baml4j.lang.ClientDef;
import dev.baml4j.lang.Diagnostic;
import java.util.List;

/**
 * A provider ({@code aws-bedrock}), found through {@link java.util.ServiceLoader} by {@link #name()}.
 * It checks a client's options when the project loads, and builds clients for calls.
 */
public interface LlmProvider {

    /** The {@code provider} value in {@code .baml} files. */
    String name();

    /** Other names that select this provider, if any. */
    default List<String> aliases() {
        return List.of();
    }

    /**
     * Load-time checks of the options as written: unknown or wrongly typed options, conflicts,
     * rules on literal credentials. {@code env.X} values are checked later, in {@link #create}.
     */
    List<Diagnostic> validate(ClientDef client);

    /**
     * Builds a client with {@code env.X} values resolved from {@code context}. Throws
     * {@link dev.baml4j.BamlConfigException} or {@link dev.baml4j.BamlException} with the client,
     * option and variable named when a rule fails. Providers may cache and share SDK clients.
     */
    LlmClient create(ClientDef client, ClientContext context);
}
