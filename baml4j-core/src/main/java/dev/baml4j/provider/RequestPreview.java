package dev.baml4j.provider;

import java.util.List;
import java.util.Map;

/**
 * The exact HTTP request a call would send, as {@code curl} would show it, with {@code Authorization},
 * secret keys and session tokens redacted. {@code cliForm} is the equivalent vendor CLI command, if any.
 */
public record RequestPreview(String method, String url, List<Map.Entry<String, String>> headers, String body,
        String curl, String cliForm) {
    public RequestPreview {
        headers = List.copyOf(headers);
    }
}
