package dev.baml4j.runtime;

import dev.baml4j.BamlClientFinishReasonException;
import dev.baml4j.BamlClientHttpException;
import dev.baml4j.BamlException;
import dev.baml4j.lang.ClientDef;
import dev.baml4j.lang.Diagnostic;
import dev.baml4j.prompt.RenderedPrompt;
import dev.baml4j.provider.ClientContext;
import dev.baml4j.provider.LlmClient;
import dev.baml4j.provider.LlmProvider;
import dev.baml4j.provider.LlmResponse;
import dev.baml4j.provider.RequestPreview;
import dev.baml4j.provider.Usage;
import dev.baml4j.types.ConfigValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test-only provider ({@code test-scripted}) that answers from a script instead of a network, to
 * test strategy logic in core: each client names a script with the option {@code script}, and
 * takes its steps in order (the last step repeats). Not a mock of any SDK; the end-to-end tests
 * use the real aws-bedrock provider against the emulator.
 */
public final class ScriptedProvider implements LlmProvider {

    /** One answer of a scripted client. */
    public sealed interface Step {
    }

    public record Reply(String text, String finishReason, List<String> deltas) implements Step {
    }

    public record Fail(int status, String errorCode, boolean retryable) implements Step {
    }

    /** Never answers until cancelled. */
    public record Hang() implements Step {
    }

    public static Reply reply(String text) {
        return new Reply(text, "end_turn", List.of(text));
    }

    public static Reply streamed(String... deltas) {
        return new Reply(String.join("", deltas), "end_turn", List.of(deltas));
    }

    public static Fail fail(int status, String errorCode, boolean retryable) {
        return new Fail(status, errorCode, retryable);
    }

    static final Map<String, ConcurrentLinkedDeque<Step>> SCRIPTS = new ConcurrentHashMap<>();
    /** Every attempt, as "client" names, in order. */
    static final List<String> CALLS = Collections.synchronizedList(new ArrayList<>());
    static final AtomicInteger CANCELLED = new AtomicInteger();
    static final AtomicInteger BUILT = new AtomicInteger();
    static final List<ClientContext> CONTEXTS = Collections.synchronizedList(new ArrayList<>());

    public static void reset() {
        SCRIPTS.clear();
        CALLS.clear();
        CANCELLED.set(0);
        BUILT.set(0);
        CONTEXTS.clear();
    }

    public static void script(String name, Step... steps) {
        SCRIPTS.put(name, new ConcurrentLinkedDeque<>(List.of(steps)));
    }

    @Override
    public String name() {
        return "test-scripted";
    }

    @Override
    public List<Diagnostic> validate(ClientDef client) {
        List<Diagnostic> out = new ArrayList<>();
        for (ConfigValue.Entry e : client.options().entries()) {
            if (!e.key().equals("script") && !e.key().equals("requires_env")) {
                out.add(Diagnostic.error(e.value().span(), "client " + client.name() + ": unknown option `"
                        + e.key() + "`", "allowed: script, requires_env"));
            }
        }
        if (client.options().get("script").isEmpty()) {
            out.add(Diagnostic.error(client.span(), "client " + client.name() + ": `script` is required", null));
        }
        return out;
    }

    @Override
    public LlmClient create(ClientDef client, ClientContext context) {
        client.options().get("requires_env").flatMap(ConfigValue::asString).ifPresent(var -> {
            if (context.envVar(var) == null) {
                throw new BamlException("client " + client.name() + ": environment variable " + var + " not set");
            }
        });
        BUILT.incrementAndGet();
        CONTEXTS.add(context);
        String script = client.options().get("script").flatMap(ConfigValue::asString).orElseThrow();
        return new ScriptedClient(client.name(), script);
    }

    private static final class ScriptedClient implements LlmClient {
        private final String name;
        private final String script;

        ScriptedClient(String name, String script) {
            this.name = name;
            this.script = script;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String provider() {
            return "test-scripted";
        }

        private Step next() {
            CALLS.add(name);
            ConcurrentLinkedDeque<Step> steps = SCRIPTS.get(script);
            if (steps == null) {
                throw new IllegalStateException("no script " + script);
            }
            synchronized (steps) {
                return steps.size() > 1 ? steps.pollFirst() : steps.peekFirst();
            }
        }

        private CompletableFuture<LlmResponse> answer(Step step) {
            if (step instanceof Reply r) {
                if (!r.finishReason().equals("end_turn") && !r.finishReason().equals("stop_sequence")) {
                    return CompletableFuture.failedFuture(new BamlClientFinishReasonException(name,
                            "Finish reason not allowed: " + r.finishReason(), r.finishReason(), r.text()));
                }
                return CompletableFuture.completedFuture(new LlmResponse(r.text(), r.finishReason(),
                        new Usage(10L, 5L, 15L, null, null), "scripted", "POST /scripted/" + name, r.text()));
            } else if (step instanceof Fail f) {
                return CompletableFuture.failedFuture(new BamlClientHttpException(name, "scripted failure "
                        + f.status() + " " + f.errorCode(), f.status(), f.errorCode(), "req-1", "{}",
                        f.retryable(), null));
            }
            CompletableFuture<LlmResponse> never = new CompletableFuture<>();
            never.whenComplete((v, e) -> CANCELLED.incrementAndGet());
            return never;
        }

        @Override
        public CompletableFuture<LlmResponse> call(RenderedPrompt prompt) {
            return answer(next());
        }

        @Override
        public StreamHandle stream(RenderedPrompt prompt, StreamListener listener) {
            Step step = next();
            CompletableFuture<LlmResponse> done = answer(step);
            if (step instanceof Reply r && !done.isCompletedExceptionally()) {
                // Deltas go out on another thread, as a network client would deliver them.
                done = CompletableFuture.supplyAsync(() -> {
                    r.deltas().forEach(listener::onDelta);
                    return done(r);
                });
            }
            CompletableFuture<LlmResponse> completion = done;
            return new StreamHandle() {
                @Override
                public void cancel() {
                    completion.cancel(false);
                }

                @Override
                public CompletableFuture<LlmResponse> completion() {
                    return completion;
                }
            };
        }

        private LlmResponse done(Reply r) {
            return new LlmResponse(r.text(), r.finishReason(), new Usage(10L, 5L, 15L, null, null), "scripted",
                    "POST /scripted/" + name, r.text());
        }

        @Override
        public RequestPreview preview(RenderedPrompt prompt, boolean stream) {
            return new RequestPreview("POST", "scripted://" + name, List.of(), prompt.toDisplayString(), "curl scripted",
                    null);
        }
    }
}
