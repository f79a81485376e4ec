package dev.baml4j.provider;

import dev.baml4j.lang.ClientDef;
import dev.baml4j.lang.ClientValidator;
import dev.baml4j.lang.Diagnostic;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The providers on the class path, and a {@link ClientValidator} built from them: a provider
 * name is known when an installed provider has it as its name or an alias, and each client's
 * options are checked by its provider.
 *
 * <pre>{@code
 * Compilation c = BamlCompiler.compile(files, Providers.validator(Providers.installed()));
 * }</pre>
 */
public final class Providers {

    private Providers() {
    }

    /** Every {@link LlmProvider} found through {@link ServiceLoader}, in class-path order. */
    public static List<LlmProvider> installed() {
        List<LlmProvider> out = new ArrayList<>();
        ServiceLoader.load(LlmProvider.class, Providers.class.getClassLoader()).forEach(out::add);
        return out;
    }

    /** A validator that knows exactly these providers and lets each check its own clients. */
    public static ClientValidator validator(Collection<? extends LlmProvider> providers) {
        return validator(providers, true);
    }

    /**
     * Like {@link #validator(Collection)}; with {@code checkOptions} false it only checks provider
     * names (for tools that separate language errors from option errors).
     */
    public static ClientValidator validator(Collection<? extends LlmProvider> providers, boolean checkOptions) {
        Map<String, LlmProvider> byName = new LinkedHashMap<>();
        for (LlmProvider p : providers) {
            byName.putIfAbsent(p.name(), p);
            for (String alias : p.aliases()) {
                byName.putIfAbsent(alias, p);
            }
        }
        return new ClientValidator() {
            @Override
            public boolean knowsProvider(String provider) {
                return byName.containsKey(provider);
            }

            @Override
            public List<Diagnostic> validate(ClientDef client) {
                LlmProvider p = byName.get(client.provider());
                return p == null || !checkOptions ? List.of() : p.validate(client);
            }
        };
    }
}
