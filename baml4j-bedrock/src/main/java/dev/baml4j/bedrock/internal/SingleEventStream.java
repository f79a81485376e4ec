package dev.baml4j.bedrock.internal;

import dev.baml4j.provider.LlmClient.StreamHandle;
import dev.baml4j.provider.LlmClient.StreamListener;
import dev.baml4j.provider.LlmResponse;
import java.util.concurrent.CompletableFuture;

/** {@code supports_streaming false}: one Converse call surfaced as a stream with one delta. */
final class SingleEventStream {

    private SingleEventStream() {
    }

    static StreamHandle start(CompletableFuture<LlmResponse> call, StreamListener listener) {
        CompletableFuture<LlmResponse> done = call.whenComplete((r, e) -> {
            if (e != null) {
                listener.onError(ErrorMapper.unwrap(e));
            } else {
                if (!r.text().isEmpty()) {
                    listener.onDelta(r.text());
                }
                listener.onComplete(r);
            }
        });
        return new StreamHandle() {
            @Override
            public void cancel() {
                call.cancel(true);
            }

            @Override
            public CompletableFuture<LlmResponse> completion() {
                return done;
            }
        };
    }
}
