package dev.baml4j.runtime.internal;

import dev.baml4j.lang.RetryPolicyDef;
import java.time.Duration;

/**
 * The waits of a {@code retry_policy}, computed as the official runtime computes them: constant
 * {@code delay_ms}, or for exponential backoff a first wait of already {@code delay_ms × multiplier}
 * (300 ms for the defaults, not 200), each next one the previous times the multiplier in 32-bit
 * float arithmetic truncated to whole milliseconds, capped at {@code max_delay_ms}.
 */
public final class RetryDelays {

    private RetryDelays() {
    }

    /** The wait before retry {@code i + 1}, for {@code i} in {@code 0 .. maxRetries - 1}. */
    public static Duration[] of(RetryPolicyDef policy) {
        int n = Math.max(0, policy.maxRetries());
        Duration[] delays = new Duration[n];
        RetryPolicyDef.Strategy s = policy.strategy();
        if (s instanceof RetryPolicyDef.ExponentialBackoff exp) {
            float multiplier = (float) exp.multiplier();
            long current = exp.delayMs();
            for (int i = 0; i < n; i++) {
                long next = (long) (multiplier * (float) current);
                current = Math.min(Math.max(next, 0), exp.maxDelayMs());
                delays[i] = Duration.ofMillis(current);
            }
        } else {
            long delay = s instanceof RetryPolicyDef.ConstantDelay c ? c.delayMs() : 200;
            for (int i = 0; i < n; i++) {
                delays[i] = Duration.ofMillis(delay);
            }
        }
        return delays;
    }
}
