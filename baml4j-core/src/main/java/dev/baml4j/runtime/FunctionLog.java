package dev.baml4j.runtime;

import dev.baml4j.provider.Usage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One function call as the {@link Collector} saw it: every attempt, in order, and the totals.
 *
 * @param client        the client the call was made with (a strategy or a model client)
 * @param logType       {@code "call"} or {@code "stream"}
 * @param usage         token counts summed over every attempt that reported them
 * @param calls         every attempt, in the order they were made
 * @param rawLlmResponse the text of the selected reply, or null when no attempt succeeded
 * @param error         the class and message of the call's failure, or null on success
 */
public record FunctionLog(String id, String functionName, String client, String logType, Instant startTime, Duration duration,
        Usage usage, List<LlmCall> calls, Map<String, String> tags, String rawLlmResponse, String error) {

    public FunctionLog {
        calls = List.copyOf(calls);
        tags = Map.copyOf(tags);
    }

    /** The attempt whose reply became the result, if any. */
    public Optional<LlmCall> selectedCall() {
        return calls.stream().filter(LlmCall::selected).findFirst();
    }
}
