package dev.baml4j.prompt;

import java.util.Map;
import java.util.Objects;

/**
 * What a prompt can see of the call: {@code ctx.client.name}, {@code ctx.client.provider},
 * {@code ctx.tags}, and the role given to text before the first {@code _.role(...)} marker.
 *
 * <pre>{@code
 * new RenderContext("MyClient", "aws-bedrock", Map.of())   // default role "user"
 * }</pre>
 */
public record RenderContext(String clientName, String clientProvider, Map<String, String> tags, String defaultRole) {

    public RenderContext {
        Objects.requireNonNull(clientName, "clientName");
        Objects.requireNonNull(clientProvider, "clientProvider");
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        if (defaultRole == null) {
            defaultRole = defaultRoleFor(clientProvider);
        }
    }

    /** The provider's default role: {@code user} for aws-bedrock, anthropic and google; else {@code system}. */
    public RenderContext(String clientName, String clientProvider, Map<String, String> tags) {
        this(clientName, clientProvider, tags, null);
    }

    static String defaultRoleFor(String provider) {
        return switch (provider) {
            case "openai", "openai-generic", "azure-openai", "openai-responses", "ollama", "openrouter" -> "system";
            default -> "user";
        };
    }
}
