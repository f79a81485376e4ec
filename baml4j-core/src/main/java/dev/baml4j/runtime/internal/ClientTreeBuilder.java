package dev.baml4j.runtime.internal;

import dev.baml4j.BamlConfigException;
import dev.baml4j.lang.BamlProject;
import dev.baml4j.lang.ClientDef;
import dev.baml4j.lang.Diagnostic;
import dev.baml4j.lang.RetryPolicyDef;
import dev.baml4j.types.ConfigValue;
import dev.baml4j.types.SourceSpan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Turns a client name into its tree of nodes: {@code TotalTimeout(Retry(Strategy(children...)))}
 * for strategies, {@code Retry(Leaf)} for model clients. Registry clients shadow project clients;
 * a {@code provider/model} shorthand becomes a client of that name with {@code model} set.
 * A child that cannot be resolved becomes an {@link UnavailableNode}: it fails that child only.
 */
public final class ClientTreeBuilder {

    private final BamlProject project;
    private final Map<String, ClientDef> registryClients;
    private final Map<ClientDef, AtomicInteger> roundRobinCounters;

    /**
     * @param roundRobinCounters shared across calls of one runtime, so each strategy has one counter
     */
    public ClientTreeBuilder(BamlProject project, Map<String, ClientDef> registryClients,
            Map<ClientDef, AtomicInteger> roundRobinCounters) {
        this.project = project;
        this.registryClients = registryClients;
        this.roundRobinCounters = roundRobinCounters;
    }

    public static Map<ClientDef, AtomicInteger> newCounters() {
        return new ConcurrentHashMap<>();
    }

    /** The tree for a function's client; throws {@link BamlConfigException} if the root itself is unknown. */
    public ClientNode build(String clientName) {
        return build(resolve(clientName), new LinkedHashSet<>());
    }

    /** The client definition a name stands for. */
    public ClientDef resolve(String name) {
        ClientDef def = registryClients.get(name);
        if (def == null) {
            def = project.clients().get(name);
        }
        if (def == null) {
            def = shorthand(name).orElseThrow(() -> new BamlConfigException(Diagnostic.error(SourceSpan.NONE,
                    "unknown client `" + name + "`", "declare client<llm> " + name + " { ... }, add it to the"
                            + " ClientRegistry, or use a provider/model shorthand like"
                            + " \"aws-bedrock/anthropic.claude-3-haiku-20240307-v1:0\"")));
        }
        return def;
    }

    private static Optional<ClientDef> shorthand(String name) {
        int slash = name.indexOf('/');
        if (slash <= 0 || slash == name.length() - 1) {
            return Optional.empty();
        }
        SourceSpan none = SourceSpan.NONE;
        ConfigValue.MapLit options = new ConfigValue.MapLit(List.of(new ConfigValue.Entry("model", none,
                new ConfigValue.StringLit(name.substring(slash + 1), ConfigValue.StringStyle.QUOTED, none))), none);
        return Optional.of(new ClientDef(name, name.substring(0, slash), none, null, options, none));
    }

    private ClientNode build(ClientDef def, Set<String> path) {
        if (!path.add(def.name())) {
            throw new BamlConfigException(Diagnostic.error(def.span(), "client " + def.name()
                    + " is part of a cycle: " + String.join(" -> ", path) + " -> " + def.name(),
                    "a strategy may not list itself, directly or through another strategy"));
        }
        try {
            ClientNode node;
            if (StrategyOptions.isStrategy(def.provider())) {
                List<ClientNode> children = new ArrayList<>();
                for (String child : StrategyOptions.children(def)) {
                    children.add(child(child, path));
                }
                if (children.isEmpty()) {
                    throw new BamlConfigException(Diagnostic.error(def.span(), "client " + def.name()
                            + " has an empty `strategy`", "list at least one client: strategy [A, B]"));
                }
                node = StrategyOptions.isFallback(def.provider()) ? new FallbackNode(def.name(), children)
                        : new RoundRobinNode(def.name(), children, counter(def, children.size()));
            } else {
                node = new LeafNode(def);
            }
            node = withRetries(def, node);
            Optional<Duration> total = StrategyOptions.isStrategy(def.provider())
                    ? StrategyOptions.totalTimeout(def) : Optional.empty();
            return total.isPresent() ? new TotalTimeoutNode(node, total.get()) : node;
        } finally {
            path.remove(def.name());
        }
    }

    private ClientNode child(String name, Set<String> path) {
        ClientDef def;
        try {
            def = resolve(name);
        } catch (BamlConfigException e) {
            return new UnavailableNode(name, e);
        }
        return build(def, path);
    }

    private ClientNode withRetries(ClientDef def, ClientNode node) {
        if (def.retryPolicy() == null) {
            return node;
        }
        RetryPolicyDef policy = project.retryPolicies().get(def.retryPolicy());
        if (policy == null) {
            throw new BamlConfigException(Diagnostic.error(def.span(), "client " + def.name()
                    + ": unknown retry_policy `" + def.retryPolicy() + "`",
                    "declare retry_policy " + def.retryPolicy() + " { max_retries 2 } in the project"));
        }
        return new RetryNode(node, policy);
    }

    private AtomicInteger counter(ClientDef def, int size) {
        return roundRobinCounters.computeIfAbsent(def, d -> new AtomicInteger(StrategyOptions.start(d)
                .map(s -> Math.floorMod(s, size))
                .orElseGet(() -> ThreadLocalRandom.current().nextInt(size))));
    }
}
