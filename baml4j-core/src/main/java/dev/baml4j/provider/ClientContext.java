package dev.baml4j.provider;

import java.util.Map;
import java.util.Objects;

/**
 * What a provider may read while building a client: the environment for {@code env.X} and the
 * AWS variables (the process environment overlaid with a call's own map), and whether a
 * {@code retry_policy} owns retries (then the SDK's own retries must be off).
 */
public record ClientContext(Map<String, String> env, boolean retriesOwnedByPolicy) {

    public ClientContext {
        env = Map.copyOf(env);
        Objects.requireNonNull(env, "env");
    }

    public String envVar(String name) {
        return env.get(name);
    }
}
