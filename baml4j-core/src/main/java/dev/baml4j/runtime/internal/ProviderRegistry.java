package dev.baml4j.runtime.internal;

import dev.baml4j.BamlConfigException;
import dev.baml4j.lang.ClientDef;
import dev.baml4j.lang.ClientValidator;
import dev.baml4j.lang.Diagnostic;
import dev.baml4j.provider.LlmProvider;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeSet;

/** The providers on the class path, found with {@link ServiceLoader}, by name and alias. */
public final class ProviderRegistry {

    private final Map<String, LlmProvider> byName;

    public ProviderRegistry(List<LlmProvider> providers) {
        Map<String, LlmProvider> m = new LinkedHashMap<>();
        for (LlmProvider p : providers) {
            m.putIfAbsent(p.name(), p);
            for (String alias : p.aliases()) {
                m.putIfAbsent(alias, p);
            }
        }
        this.byName = Collections.unmodifiableMap(m);
    }

    public static ProviderRegistry load(ClassLoader loader) {
        List<LlmProvider> found = new ArrayList<>();
        ServiceLoader.load(LlmProvider.class, loader).forEach(found::add);
        return new ProviderRegistry(found);
    }

    public Optional<LlmProvider> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public List<String> names() {
        return List.copyOf(new TreeSet<>(byName.keySet()));
    }

    /** The provider for a model client, or a config error naming the client and the installed providers. */
    public LlmProvider require(ClientDef client) {
        LlmProvider p = byName.get(client.provider());
        if (p == null) {
            throw new BamlConfigException(unknownProvider(client));
        }
        return p;
    }

    Diagnostic unknownProvider(ClientDef client) {
        return Diagnostic.error(client.providerSpan() == null ? client.span() : client.providerSpan(),
                "client " + client.name() + ": unknown provider `" + client.provider() + "`",
                names().isEmpty()
                        ? "no provider is on the class path; add baml4j-bedrock as a dependency"
                        : "installed providers: " + String.join(", ", names())
                                + ", and the strategies fallback and round-robin");
    }

    /** What {@code BamlCompiler.compile} asks of providers: the strategies' own rules, then each provider's. */
    public ClientValidator validator() {
        return new ClientValidator() {
            @Override
            public boolean knowsProvider(String provider) {
                return StrategyOptions.isStrategy(provider) || byName.containsKey(provider);
            }

            @Override
            public List<Diagnostic> validate(ClientDef client) {
                if (StrategyOptions.isStrategy(client.provider())) {
                    return StrategyOptions.validate(client);
                }
                LlmProvider p = byName.get(client.provider());
                return p == null ? List.of(unknownProvider(client)) : p.validate(client);
            }
        };
    }
}
