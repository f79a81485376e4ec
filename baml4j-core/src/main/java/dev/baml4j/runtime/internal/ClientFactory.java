package dev.baml4j.runtime.internal;

import dev.baml4j.lang.ClientDef;
import dev.baml4j.provider.ClientContext;
import dev.baml4j.provider.LlmClient;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds model clients through their providers and keeps them, one per (client definition,
 * environment, retries owned by a policy), so SDK clients and their connection pools are reused
 * across calls. A failed build is not cached: the next call tries again (an env var may be set since).
 */
public final class ClientFactory {

    /** Enough for every client of a real project under a few environments; beyond that, start over. */
    private static final int MAX_CACHED = 512;

    private record Key(ClientDef client, boolean retriesOwned, Map<String, String> env) {
    }

    private final ProviderRegistry providers;
    private final Map<Key, LlmClient> cache = new ConcurrentHashMap<>();

    public ClientFactory(ProviderRegistry providers) {
        this.providers = providers;
    }

    public ProviderRegistry providers() {
        return providers;
    }

    public LlmClient get(ClientDef client, boolean retriesOwned, Map<String, String> env) {
        Key key = new Key(client, retriesOwned, env);
        LlmClient cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        LlmClient built = providers.require(client).create(client, new ClientContext(env, retriesOwned));
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        LlmClient raced = cache.putIfAbsent(key, built);
        return raced == null ? built : raced;
    }
}
