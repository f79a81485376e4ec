package dev.baml4j.runtime;

import dev.baml4j.BamlConfigException;
import dev.baml4j.BamlException;
import dev.baml4j.BamlInvalidArgumentException;
import dev.baml4j.lang.BamlProject;
import dev.baml4j.lang.ClientDef;
import dev.baml4j.lang.Diagnostic;
import dev.baml4j.lang.FunctionDef;
import dev.baml4j.prompt.RenderedPrompt;
import dev.baml4j.provider.LlmClient;
import dev.baml4j.provider.LlmResponse;
import dev.baml4j.provider.RequestPreview;
import dev.baml4j.provider.Usage;
import dev.baml4j.runtime.internal.AttemptSummary;
import dev.baml4j.runtime.internal.CancelScope;
import dev.baml4j.runtime.internal.ClientFactory;
import dev.baml4j.runtime.internal.ClientNode;
import dev.baml4j.runtime.internal.ClientTreeBuilder;
import dev.baml4j.runtime.internal.Exchange;
import dev.baml4j.runtime.internal.Failures;
import dev.baml4j.runtime.internal.Usages;
import dev.baml4j.types.BamlValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One function call from arguments to value: bind → pick the client tree → per attempt render and
 * send → parse → record. Nothing here blocks: the work moves on when the provider's future completes.
 */
final class CallPipeline {

    private final BamlProject project;
    private final Stages stages;
    private final ClientFactory clients;
    private final RuntimeClock clock;
    private final Supplier<Map<String, String>> baseEnv;
    private final Map<ClientDef, AtomicInteger> counters = ClientTreeBuilder.newCounters();
    private final ClientTreeBuilder projectTrees;
    private final Map<String, ClientNode> treeCache = new ConcurrentHashMap<>();

    CallPipeline(BamlProject project, Stages stages, ClientFactory clients, RuntimeClock clock,
            Supplier<Map<String, String>> baseEnv) {
        this.project = project;
        this.stages = stages;
        this.clients = clients;
        this.clock = clock;
        this.baseEnv = baseEnv;
        this.projectTrees = new ClientTreeBuilder(project, Map.of(), counters);
    }

    /** What a call needs once its arguments are bound and its client is chosen. */
    private record Prepared(FunctionDef fn, Map<String, BamlValue> args, Map<String, String> env, ClientNode tree) {
    }

    FunctionDef function(String name) {
        return project.function(name).orElseThrow(() -> new BamlInvalidArgumentException("unknown function `" + name
                + "`; the project declares: " + String.join(", ", project.functions().keySet())));
    }

    private Prepared prepare(String fnName, Map<String, ?> args, CallOptions options) {
        FunctionDef fn = function(fnName);
        Map<String, BamlValue> bound = stages.bind(fn, args == null ? Map.of() : args);
        Map<String, String> env = env(options);
        Map<String, ClientDef> registry = options.clientRegistry().map(ClientRegistry::clients).orElse(Map.of());
        if (!registry.isEmpty()) {
            validateRegistry(registry);
        }
        String clientName = options.client()
                .or(() -> options.clientRegistry().flatMap(ClientRegistry::primary))
                .orElse(fn.client());
        ClientNode tree = registry.isEmpty()
                ? treeCache.computeIfAbsent(clientName, projectTrees::build)
                : new ClientTreeBuilder(project, registry, counters).build(clientName);
        return new Prepared(fn, bound, env, tree);
    }

    private Map<String, String> env(CallOptions options) {
        Map<String, String> base = baseEnv.get();
        if (options.env().isEmpty()) {
            return base;
        }
        Map<String, String> merged = new HashMap<>(base);
        merged.putAll(options.env());
        return merged;
    }

    /** Registry clients get the same load-time checks as source clients, reported as BAML reports them. */
    private void validateRegistry(Map<String, ClientDef> registry) {
        List<Diagnostic> problems = new ArrayList<>();
        for (ClientDef def : registry.values()) {
            if (def.retryPolicy() != null && !project.retryPolicies().containsKey(def.retryPolicy())) {
                problems.add(Diagnostic.error(def.span(), "client " + def.name() + ": unknown retry_policy `"
                        + def.retryPolicy() + "`", "declare it in the project, or pass null"));
            }
            for (Diagnostic d : clients.providers().validator().validate(def)) {
                if (d.isError()) {
                    problems.add(d);
                }
            }
        }
        if (!problems.isEmpty()) {
            BamlConfigException cause = new BamlConfigException(problems);
            throw new BamlException("Failed to create clients from client_registry: " + problems.stream()
                    .map(d -> d.message() + (d.hint() == null ? "" : " (" + d.hint() + ")"))
                    .collect(Collectors.joining("; ")), cause);
        }
    }

    /**
     * Runs a call. With a {@code partials} consumer the call streams, and every partial that differs
     * from the one before reaches it (across retries and fallbacks).
     */
    CompletableFuture<BamlValue> run(String fnName, Map<String, ?> args, CallOptions options, CancelScope scope,
            Consumer<BamlValue> partials) {
        Instant start = clock.now();
        long t0 = clock.nanoTime();
        Prepared p;
        try {
            p = prepare(fnName, args, options);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        AtomicReference<RenderedPrompt> lastPrompt = new AtomicReference<>();
        PartialDeduper dedup = partials == null ? null : new PartialDeduper(partials);
        Exchange.AttemptSender sender = (client, llm) -> {
            RenderedPrompt prompt = stages.render(p.fn(), p.args(), client, options.tags());
            lastPrompt.set(prompt);
            if (dedup != null) {
                return streamAttempt(p.fn(), llm, prompt, dedup);
            }
            CompletableFuture<LlmResponse> reply = llm.call(prompt);
            // Cancelling the provider's future aborts its HTTP exchange (the SDK frees the connection).
            return new Exchange.InFlight(reply, () -> reply.cancel(true));
        };
        Exchange ex = new Exchange(clock, scope, sender, clients, p.env());
        AtomicReference<LlmResponse> reply = new AtomicReference<>();
        return p.tree().execute(ex, false)
                .thenApply(r -> {
                    reply.set(r);
                    return stages.parse(p.fn().returnType(), r.text(), lastPrompt.get());
                })
                .handle((value, error) -> {
                    List<LlmCall> attempts = ex.attempts();
                    RuntimeException failure = error == null ? null : AttemptSummary.finalFailure(error, attempts);
                    record(options, p.fn(), p.tree().name(), partials != null, start, t0, attempts, reply.get(),
                            failure);
                    if (failure != null) {
                        throw failure;
                    }
                    return value;
                });
    }

    private Exchange.InFlight streamAttempt(FunctionDef fn, LlmClient llm, RenderedPrompt prompt, PartialDeduper out) {
        Stages.PartialParser parser = stages.startStream(fn.returnType());
        StringBuilder text = new StringBuilder();
        LlmClient.StreamHandle handle = llm.stream(prompt, new LlmClient.StreamListener() {
            @Override
            public void onDelta(String delta) {
                text.append(delta);
                BamlValue partial;
                try {
                    partial = parser.feed(delta);
                } catch (RuntimeException e) {
                    // BAML skips partials that do not parse yet; the final parse reports real problems.
                    return;
                }
                if (partial != null) {
                    out.offer(partial);
                }
            }

            @Override
            public void onComplete(LlmResponse response) {
            }

            @Override
            public void onError(Throwable error) {
            }
        });
        CompletableFuture<LlmResponse> done = handle.completion().thenApply(r -> r.text() != null ? r
                : new LlmResponse(text.toString(), r.finishReason(), r.usage(), r.model(), r.rawRequest(),
                        r.rawResponse()));
        return new Exchange.InFlight(done, handle::cancel);
    }

    RequestPreview preview(String fnName, Map<String, ?> args, CallOptions options, boolean stream) {
        Prepared p = prepare(fnName, args, options);
        ClientDef leaf = p.tree().firstLeaf().client();
        LlmClient llm = clients.get(leaf, p.tree().firstLeafRetriesOwned(), p.env());
        return llm.preview(stages.render(p.fn(), p.args(), leaf, options.tags()), stream);
    }

    private void record(CallOptions options, FunctionDef fn, String client, boolean stream, Instant start, long t0,
            List<LlmCall> attempts, LlmResponse reply, RuntimeException failure) {
        if (options.collectors().isEmpty()) {
            return;
        }
        List<LlmCall> calls = new ArrayList<>(attempts);
        Usage usage = Usage.UNKNOWN;
        for (int i = 0; i < calls.size(); i++) {
            usage = Usages.add(usage, calls.get(i).usage());
        }
        if (reply != null) {
            for (int i = calls.size() - 1; i >= 0; i--) {
                if (calls.get(i).status() == LlmCall.Status.SUCCESS) {
                    calls.set(i, calls.get(i).asSelected());
                    break;
                }
            }
        }
        FunctionLog log = new FunctionLog(UUID.randomUUID().toString(), fn.name(), client, stream ? "stream" : "call", start,
                Duration.ofNanos(clock.nanoTime() - t0), usage, calls, options.tags(),
                reply == null ? null : reply.text(),
                failure == null ? null : failure.getClass().getSimpleName() + ": " + failure.getMessage());
        for (Collector c : options.collectors()) {
            c.record(log);
        }
    }

    /** Forwards a partial only when it differs from the last one forwarded. */
    private static final class PartialDeduper {
        private final Consumer<BamlValue> out;
        private BamlValue last;

        PartialDeduper(Consumer<BamlValue> out) {
            this.out = out;
        }

        synchronized void offer(BamlValue partial) {
            if (!partial.equals(last)) {
                last = partial;
                out.accept(partial);
            }
        }
    }

    static RuntimeException unwrap(Throwable t) {
        Throwable e = Failures.unwrap(t);
        return e instanceof RuntimeException r ? r : new BamlException(e.toString(), e);
    }
}
