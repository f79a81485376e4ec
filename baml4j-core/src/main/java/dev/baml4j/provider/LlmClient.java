package dev.baml4j.provider;

import dev.baml4j.prompt.RenderedPrompt;
import java.util.concurrent.CompletableFuture;

/**
 * A ready-to-call model client. Calls never block a thread while waiting on the network.
 * Failures complete the future (or reach {@link StreamListener#onError}) with a
 * {@link dev.baml4j.BamlException} subclass.
 */
public interface LlmClient {

    /** The client's name in the project (for errors and the collector). */
    String name();

    String provider();

    /** One request; the reply's text, finish reason and usage. The finish-reason rules are applied. */
    CompletableFuture<LlmResponse> call(RenderedPrompt prompt);

    /**
     * A streaming request. Text deltas go to {@code listener} as they arrive, then exactly one of
     * {@code onComplete} or {@code onError}. The returned handle cancels the stream and frees its connection.
     */
    StreamHandle stream(RenderedPrompt prompt, StreamListener listener);

    /** The HTTP request {@link #call} (or {@link #stream}) would send, signed, with secrets redacted. */
    RequestPreview preview(RenderedPrompt prompt, boolean stream);

    interface StreamListener {
        void onDelta(String text);

        void onComplete(LlmResponse response);

        void onError(Throwable error);
    }

    interface StreamHandle {
        void cancel();

        /** Completes with the final response, as {@code onComplete} does. */
        CompletableFuture<LlmResponse> completion();
    }
}
