package dev.baml4j.runtime;

import dev.baml4j.lang.BamlProject;
import dev.baml4j.lang.ClientDef;
import dev.baml4j.lang.RetryPolicyDef;
import dev.baml4j.prompt.RenderedPrompt;
import dev.baml4j.provider.LlmResponse;
import dev.baml4j.runtime.internal.CancelScope;
import dev.baml4j.runtime.internal.ClientFactory;
import dev.baml4j.runtime.internal.ClientNode;
import dev.baml4j.runtime.internal.ClientTreeBuilder;
import dev.baml4j.runtime.internal.Exchange;
import dev.baml4j.runtime.internal.ProviderRegistry;
import dev.baml4j.types.ConfigValue;
import dev.baml4j.types.SourceSpan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/** Builds client trees by hand (no parser needed) over the test-scripted provider. */
final class TreeFixture {

    static final SourceSpan SPAN = SourceSpan.at("test.baml", 1, 1);

    final Map<String, ClientDef> clients = new LinkedHashMap<>();
    final Map<String, RetryPolicyDef> policies = new LinkedHashMap<>();
    final Map<ClientDef, AtomicInteger> counters = ClientTreeBuilder.newCounters();
    final ClientFactory factory = new ClientFactory(new ProviderRegistry(List.of(new ScriptedProvider())));
    RuntimeClock clock = RuntimeClock.system();

    TreeFixture policy(String name, int maxRetries, RetryPolicyDef.Strategy strategy) {
        policies.put(name, new RetryPolicyDef(name, maxRetries, strategy, SPAN));
        return this;
    }

    TreeFixture leaf(String name, String script, String policy, Map<String, String> extra) {
        List<ConfigValue.Entry> entries = new ArrayList<>();
        entries.add(entry("script", str(script)));
        extra.forEach((k, v) -> entries.add(entry(k, str(v))));
        clients.put(name, new ClientDef(name, "test-scripted", SPAN, policy, new ConfigValue.MapLit(entries, SPAN), SPAN));
        return this;
    }

    TreeFixture leaf(String name, String script, String policy) {
        return leaf(name, script, policy, Map.of());
    }

    TreeFixture strategy(String name, String provider, String policy, Map<String, ConfigValue> extra,
            String... children) {
        List<ConfigValue.Entry> entries = new ArrayList<>();
        List<ConfigValue> names = new ArrayList<>();
        for (String c : children) {
            names.add(str(c));
        }
        entries.add(entry("strategy", new ConfigValue.ArrayLit(names, SPAN)));
        extra.forEach((k, v) -> entries.add(entry(k, v)));
        clients.put(name, new ClientDef(name, provider, SPAN, policy, new ConfigValue.MapLit(entries, SPAN), SPAN));
        return this;
    }

    static ConfigValue.StringLit str(String s) {
        return new ConfigValue.StringLit(s, ConfigValue.StringStyle.QUOTED, SPAN);
    }

    static ConfigValue.NumberLit num(long n) {
        return new ConfigValue.NumberLit(Long.toString(n), SPAN);
    }

    static ConfigValue.Entry entry(String key, ConfigValue v) {
        return new ConfigValue.Entry(key, SPAN, v);
    }

    BamlProject project() {
        return new BamlProject(List.of(), Map.of(), Map.of(), Map.of(), Map.of(), clients, policies, Map.of(),
                List.of(), List.of());
    }

    ClientNode tree(String client) {
        return new ClientTreeBuilder(project(), Map.of(), counters).build(client);
    }

    Exchange exchange(CancelScope scope, Map<String, String> env) {
        RenderedPrompt prompt = new RenderedPrompt(List.of());
        return new Exchange(clock, scope, (def, llm) -> {
            CompletableFuture<LlmResponse> f = llm.call(prompt);
            return new Exchange.InFlight(f, () -> f.cancel(true));
        }, factory, env);
    }

    Exchange exchange() {
        return exchange(CancelScope.root(), Map.of());
    }
}
