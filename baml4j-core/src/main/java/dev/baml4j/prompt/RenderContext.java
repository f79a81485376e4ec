package dev.baml4j.prompt;

import java.util.Map;
import java.util.Objects;

/**
 * What a prompt can see of the call: {@code ctx.client.name}, {@code ctx.client.provider},
 * {@code ctx.tags}, and the role given to text before the first {@code _.role(...)} marker.
 *
 * <pre>{@code
 * new RenderContext("MyClient", "aws-bedrock", Map.of())   // default role: the client's
 * }</pre>
 *
 * @param defaultRole the role of text before the first marker; null means the client's
 *                    {@code default_role} option when the client is declared in the project,
 *                    else {@link #providerDefaultRole(String) the provider's default}
 */
public record RenderContext(String clientName, String clientProvider, Map<String, String> tags, String defaultRole) {

    public RenderContext {
        Objects.requireNonNull(clientName, "clientName");
        Objects.requireNonNull(clientProvider, "clientProvider");
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    /** A context whose default role comes from the client's {@code default_role} option or its provider. */
    public RenderContext(String clientName, String clientProvider, Map<String, String> tags) {
        this(clientName, clientProvider, tags, null);
    }

    /** BAML's default role per provider: {@code user} for aws-bedrock, anthropic and google; else {@code system}. */
    public static String providerDefaultRole(String provider) {
        return switch (provider) {
            case "openai", "openai-generic", "azure-openai", "openai-responses", "ollama", "openrouter" -> "system";
            default -> "user";
        };
    }
}
