package dev.baml4j.runtime;

import dev.baml4j.provider.Usage;
import dev.baml4j.runtime.internal.Usages;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Records the function calls it is given to (through {@link CallOptions.Builder#collector}): each
 * call's attempts with their status, latency, usage, raw request (secrets redacted) and raw
 * response, and the usage totals across calls. Thread-safe; one collector may serve many calls.
 *
 * <pre>{@code
 * Collector c = new Collector("checkout");
 * rt.call("Classify", args, CallOptions.builder().collector(c).build());
 * c.last().get().calls().size();   // attempts made
 * c.usage().inputTokens();         // totals across calls
 * }</pre>
 */
public final class Collector {

    private final String name;
    private final List<FunctionLog> logs = new ArrayList<>();

    public Collector() {
        this("default");
    }

    public Collector(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public synchronized List<FunctionLog> logs() {
        return List.copyOf(logs);
    }

    public synchronized Optional<FunctionLog> last() {
        return logs.isEmpty() ? Optional.empty() : Optional.of(logs.get(logs.size() - 1));
    }

    /** Token counts summed over every recorded call; a count is null when no attempt reported it. */
    public synchronized Usage usage() {
        Usage total = Usage.UNKNOWN;
        for (FunctionLog log : logs) {
            total = Usages.add(total, log.usage());
        }
        return total;
    }

    public synchronized void clear() {
        logs.clear();
    }

    synchronized void record(FunctionLog log) {
        logs.add(log);
    }
}
