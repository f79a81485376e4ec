package dev.baml4j.prompt;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One message of a rendered prompt: a role as written in the template ({@code system},
 * {@code user}, ...), its parts, and the keyword arguments of its {@code _.role(...)} marker
 * (for example {@code cache_control}) as plain Java values (String, Number, Boolean, List, Map).
 */
public record ChatMessage(String role, List<ChatPart> parts, Map<String, Object> metadata) {

    public ChatMessage {
        Objects.requireNonNull(role, "role");
        parts = List.copyOf(parts);
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    public static ChatMessage text(String role, String text) {
        return new ChatMessage(role, List.of(new ChatPart.Text(text)), Map.of());
    }
}
