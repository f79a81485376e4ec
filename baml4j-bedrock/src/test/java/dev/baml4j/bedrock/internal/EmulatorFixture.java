package dev.baml4j.bedrock.internal;

import static dev.baml4j.bedrock.internal.TestClients.with;

import dev.baml4j.bedrock.AwsBedrockProvider;
import dev.baml4j.emulator.BedrockEmulator;
import dev.baml4j.prompt.ChatMessage;
import dev.baml4j.prompt.RenderedPrompt;
import dev.baml4j.provider.ClientContext;
import dev.baml4j.provider.LlmClient;
import dev.baml4j.provider.LlmResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Provider clients pointed at a running emulator, and a stream listener that records what it saw. */
final class EmulatorFixture {

    private EmulatorFixture() {
    }

    static Map<String, String> cleanEnv(String... kv) {
        Map<String, String> m = new HashMap<>();
        m.put("HOME", "/nonexistent-baml4j-home");
        m.put("AWS_EC2_METADATA_DISABLED", "true");
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    static LlmClient client(BedrockEmulator emulator, Map<String, Object> extra, Map<String, String> env, boolean retriesOff) {
        Map<String, Object> all = new HashMap<>();
        all.put("endpoint_url", emulator.uri().toString());
        all.putAll(extra);
        return new AwsBedrockProvider().create(with(all), new ClientContext(env, retriesOff));
    }

    static LlmClient client(BedrockEmulator emulator, Map<String, Object> extra) {
        return client(emulator, extra, cleanEnv(), true);
    }

    static RenderedPrompt prompt(String user) {
        return new RenderedPrompt(List.of(ChatMessage.text("system", "Be brief."), ChatMessage.text("user", user)));
    }

    /** Records deltas and the single terminal event. */
    static final class Recorder implements LlmClient.StreamListener {
        final List<String> deltas = new ArrayList<>();
        final CompletableFuture<LlmResponse> done = new CompletableFuture<>();
        int terminalEvents;

        @Override
        public synchronized void onDelta(String text) {
            deltas.add(text);
        }

        @Override
        public synchronized void onComplete(LlmResponse response) {
            terminalEvents++;
            done.complete(response);
        }

        @Override
        public synchronized void onError(Throwable error) {
            terminalEvents++;
            done.completeExceptionally(error);
        }

        LlmResponse await() throws Exception {
            return done.get(20, TimeUnit.SECONDS);
        }
    }
}
