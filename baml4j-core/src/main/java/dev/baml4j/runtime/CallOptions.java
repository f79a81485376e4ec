package dev.baml4j.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Per-call options: a {@link ClientRegistry}, a client override, an environment that overrides the
 * process environment for {@code env.X}, collectors, tags and a {@link Cancellation}. Immutable.
 *
 * <pre>{@code
 * CallOptions opts = CallOptions.builder()
 *     .env(Map.of("AWS_REGION", "eu-west-1"))
 *     .client("Backup")                 // wins over the registry's primary
 *     .collector(collector)
 *     .tag("tenant", "acme")
 *     .build();
 * }</pre>
 */
public final class CallOptions {

    private static final CallOptions DEFAULTS = builder().build();

    private final ClientRegistry clientRegistry;
    private final String client;
    private final Map<String, String> env;
    private final List<Collector> collectors;
    private final Map<String, String> tags;
    private final Cancellation cancellation;

    private CallOptions(Builder b) {
        this.clientRegistry = b.clientRegistry == null ? null : b.clientRegistry.snapshot();
        this.client = b.client;
        this.env = Collections.unmodifiableMap(new LinkedHashMap<>(b.env));
        this.collectors = List.copyOf(b.collectors);
        this.tags = Collections.unmodifiableMap(new LinkedHashMap<>(b.tags));
        this.cancellation = b.cancellation;
    }

    public static CallOptions defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.clientRegistry = clientRegistry;
        b.client = client;
        b.env.putAll(env);
        b.collectors.addAll(collectors);
        b.tags.putAll(tags);
        b.cancellation = cancellation;
        return b;
    }

    public Optional<ClientRegistry> clientRegistry() {
        return Optional.ofNullable(clientRegistry);
    }

    /** The client override, which wins over the registry's primary and the function's own client. */
    public Optional<String> client() {
        return Optional.ofNullable(client);
    }

    public Map<String, String> env() {
        return env;
    }

    public List<Collector> collectors() {
        return collectors;
    }

    public Map<String, String> tags() {
        return tags;
    }

    public Optional<Cancellation> cancellation() {
        return Optional.ofNullable(cancellation);
    }

    public static final class Builder {
        private ClientRegistry clientRegistry;
        private String client;
        private final Map<String, String> env = new LinkedHashMap<>();
        private final List<Collector> collectors = new ArrayList<>();
        private final Map<String, String> tags = new LinkedHashMap<>();
        private Cancellation cancellation;

        private Builder() {
        }

        public Builder clientRegistry(ClientRegistry registry) {
            this.clientRegistry = registry;
            return this;
        }

        /** A client name (registry or project) or a {@code provider/model} shorthand. */
        public Builder client(String name) {
            this.client = name;
            return this;
        }

        /** Adds variables that override the process environment for this call. */
        public Builder env(Map<String, String> vars) {
            this.env.putAll(vars);
            return this;
        }

        public Builder env(String name, String value) {
            this.env.put(name, value);
            return this;
        }

        public Builder collector(Collector collector) {
            this.collectors.add(collector);
            return this;
        }

        public Builder tags(Map<String, String> more) {
            this.tags.putAll(more);
            return this;
        }

        public Builder tag(String name, String value) {
            this.tags.put(name, value);
            return this;
        }

        public Builder cancellation(Cancellation token) {
            this.cancellation = token;
            return this;
        }

        public CallOptions build() {
            return new CallOptions(this);
        }
    }
}
