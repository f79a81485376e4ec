package dev.baml4j.runtime.internal;

import dev.baml4j.provider.Usage;

/** Adds usages field by field; a field stays null only while no side has it. */
public final class Usages {

    private Usages() {
    }

    public static Usage add(Usage a, Usage b) {
        return new Usage(plus(a.inputTokens(), b.inputTokens()), plus(a.outputTokens(), b.outputTokens()),
                plus(a.totalTokens(), b.totalTokens()), plus(a.cacheReadTokens(), b.cacheReadTokens()),
                plus(a.cacheWriteTokens(), b.cacheWriteTokens()));
    }

    private static Long plus(Long x, Long y) {
        if (x == null) {
            return y;
        }
        return y == null ? x : Long.valueOf(x + y);
    }
}
