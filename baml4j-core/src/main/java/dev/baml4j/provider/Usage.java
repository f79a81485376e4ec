package dev.baml4j.provider;

/** Token counts of one reply; null where the service did not say. */
public record Usage(Long inputTokens, Long outputTokens, Long totalTokens, Long cacheReadTokens,
        Long cacheWriteTokens) {

    public static final Usage UNKNOWN = new Usage(null, null, null, null, null);
}
