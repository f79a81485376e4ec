package dev.baml4j.runtime;

import dev.baml4j.lang.ClientDef;
import dev.baml4j.runtime.internal.ConfigValues;
import dev.baml4j.types.SourceSpan;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Clients defined at run time, as in BAML's {@code ClientRegistry}. They shadow project clients of
 * the same name and are validated exactly like clients written in {@code .baml} files; problems
 * surface when a call uses the registry, as a {@link dev.baml4j.BamlException} "Failed to create
 * clients from client_registry" whose cause lists every problem.
 *
 * <pre>{@code
 * ClientRegistry reg = new ClientRegistry()
 *     .addLlmClient("Haiku", "aws-bedrock", Map.of("model", "anthropic.claude-3-haiku-20240307-v1:0",
 *                                                    "region", "eu-west-1"))
 *     .setPrimary("Haiku");
 * rt.call("Classify", args, CallOptions.builder().clientRegistry(reg).build());
 * }</pre>
 *
 * Not thread-safe while it is being filled; {@link CallOptions} takes a snapshot.
 */
public final class ClientRegistry {

    private static final SourceSpan REGISTRY = new SourceSpan("<client_registry>", 0, 0, 0, 0);

    private final Map<String, ClientDef> clients = new LinkedHashMap<>();
    private String primary;

    public ClientRegistry() {
    }

    private ClientRegistry(Map<String, ClientDef> clients, String primary) {
        this.clients.putAll(clients);
        this.primary = primary;
    }

    /** Adds (or replaces) a client. Options are Strings, Numbers, Booleans, Lists and Maps. */
    public ClientRegistry addLlmClient(String name, String provider, Map<String, ?> options) {
        return addLlmClient(name, provider, options, null);
    }

    /** Adds (or replaces) a client that uses a {@code retry_policy} declared in the project. */
    public ClientRegistry addLlmClient(String name, String provider, Map<String, ?> options, String retryPolicy) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(options, "options");
        clients.put(name, new ClientDef(name, provider, REGISTRY, retryPolicy, ConfigValues.fromMap(options, REGISTRY),
                REGISTRY));
        return this;
    }

    /** Makes every function called with this registry use {@code name} (a registry or project client). */
    public ClientRegistry setPrimary(String name) {
        this.primary = Objects.requireNonNull(name, "name");
        return this;
    }

    public Optional<String> primary() {
        return Optional.ofNullable(primary);
    }

    /** The clients added, by name, in order. */
    public Map<String, ClientDef> clients() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(clients));
    }

    ClientRegistry snapshot() {
        return new ClientRegistry(clients, primary);
    }
}
