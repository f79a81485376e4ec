package dev.baml4j.lang;

import dev.baml4j.types.SourceSpan;

/** A {@code retry_policy}: how many times, and how long to wait between attempts. */
public record RetryPolicyDef(String name, int maxRetries, Strategy strategy, SourceSpan span) {

    public sealed interface Strategy {
    }

    /** Waits {@code delayMs} before every retry (BAML's default, 200 ms). */
    public record ConstantDelay(long delayMs) implements Strategy {
    }

    /** Waits {@code delayMs * multiplier^n}, capped at {@code maxDelayMs}. */
    public record ExponentialBackoff(long delayMs, double multiplier, long maxDelayMs) implements Strategy {
    }
}
