package dev.baml4j.provider;

/**
 * A model reply: the concatenated text, the finish reason as the service said it
 * ({@code end_turn}, {@code max_tokens}, ...), usage, and the raw request and response for the
 * collector (the request with secrets redacted).
 */
public record LlmResponse(String text, String finishReason, Usage usage, String model, String rawRequest,
        String rawResponse) {
}
