package dev.baml4j.bedrock.internal;

import dev.baml4j.BamlClientFinishReasonException;
import dev.baml4j.BamlTimeoutException;
import dev.baml4j.prompt.RenderedPrompt;
import dev.baml4j.provider.LlmClient.StreamHandle;
import dev.baml4j.provider.LlmClient.StreamListener;
import dev.baml4j.provider.LlmResponse;
import dev.baml4j.provider.Usage;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockDeltaEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamMetadataEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamOutput;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.MessageStopEvent;

/**
 * One ConverseStream call: text deltas go to the listener as events arrive; the stop reason and
 * usage build the final response; the finish-reason lists apply; the first-token and idle
 * timeouts are enforced here; {@link StreamHandle#cancel} cancels the event subscription, which
 * makes the SDK release the connection.
 */
final class ConverseStreamCall implements StreamHandle {

    private static final ScheduledExecutorService TIMERS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "baml4j-bedrock-stream-timeouts");
        t.setDaemon(true);
        return t;
    });

    private final BedrockLlmClient client;
    private final StreamListener listener;
    private final CompletableFuture<LlmResponse> completion = new CompletableFuture<>();
    private final AtomicBoolean finished = new AtomicBoolean();
    private final StringBuilder text = new StringBuilder();
    private final WireCapture.Sink sink = new WireCapture.Sink(false);
    private volatile Subscription subscription;
    private volatile CompletableFuture<Void> sdkFuture;
    private volatile ScheduledFuture<?> timer;
    private volatile boolean gotFirstToken;
    private volatile String stopReason;
    private volatile Usage usage = Usage.UNKNOWN;

    private ConverseStreamCall(BedrockLlmClient client, StreamListener listener) {
        this.client = client;
        this.listener = listener;
    }

    static StreamHandle start(BedrockLlmClient client, BedrockRuntimeAsyncClient sdk, RenderedPrompt prompt,
            StreamListener listener) {
        ConverseStreamCall call = new ConverseStreamCall(client, listener);
        ConverseRequestFactory.partsAsync(prompt, client.options()).whenComplete((parts, failure) -> {
            if (failure != null) {
                call.fail(ErrorMapper.map(client.name(), failure));
            } else if (!call.finished.get()) {
                call.send(sdk, ConverseRequestFactory.converseStream(parts));
            }
        });
        return call;
    }

    private void send(BedrockRuntimeAsyncClient sdk, ConverseStreamRequest converse) {
        ConverseStreamRequest request = converse.toBuilder().overrideConfiguration(BedrockLlmClient.override(sink, null)).build();
        arm(client.options().http().timeToFirstTokenTimeoutMs(), "time_to_first_token_timeout_ms");
        ConverseStreamResponseHandler handler = ConverseStreamResponseHandler.builder()
                .onEventStream(publisher -> publisher.subscribe(new Events()))
                .build();
        sdkFuture = sdk.converseStream(request, handler);
        sdkFuture.whenComplete((v, e) -> {
            if (e != null) {
                fail(ErrorMapper.map(client.name(), e));
            } else {
                succeed();
            }
        });
    }

    private final class Events implements Subscriber<ConverseStreamOutput> {
        @Override
        public void onSubscribe(Subscription s) {
            subscription = s;
            if (finished.get()) {
                s.cancel();
            } else {
                s.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(ConverseStreamOutput event) {
            if (finished.get()) {
                return;
            }
            if (event instanceof ContentBlockDeltaEvent delta && delta.delta() != null && delta.delta().text() != null) {
                String chunk = delta.delta().text();
                gotFirstToken = true;
                synchronized (text) {
                    text.append(chunk);
                }
                listener.onDelta(chunk);
            } else if (event instanceof MessageStopEvent stop) {
                stopReason = stop.stopReasonAsString();
            } else if (event instanceof ConverseStreamMetadataEvent meta) {
                usage = BedrockLlmClient.usage(meta.usage());
            }
            if (gotFirstToken) {
                arm(client.options().http().idleTimeoutMs(), "idle_timeout_ms");
            }
        }

        @Override
        public void onError(Throwable t) {
            fail(ErrorMapper.map(client.name(), t));
        }

        @Override
        public void onComplete() {
            // The SDK future completes after this; success is reported there, once.
        }
    }

    private void arm(Long ms, String option) {
        ScheduledFuture<?> old = timer;
        if (old != null) {
            old.cancel(false);
        }
        if (ms == null || ms == 0 || finished.get()) {
            return;
        }
        timer = TIMERS.schedule(() -> {
            fail(new BamlTimeoutException(client.name(), "client `" + client.name() + "`: no data received within "
                    + ms + "ms (" + option + ")", null));
            release();
        }, ms, TimeUnit.MILLISECONDS);
    }

    private void succeed() {
        String out;
        synchronized (text) {
            out = text.toString();
        }
        LlmResponse response = new LlmResponse(out, stopReason, usage, client.options().model(),
                BedrockLlmClient.rawRequest(sink), out);
        BamlClientFinishReasonException rejected = FinishReasonFilter.check(client.options(), stopReason, out);
        if (rejected != null) {
            fail(rejected);
            return;
        }
        if (finished.compareAndSet(false, true)) {
            cancelTimer();
            completion.complete(response);
            listener.onComplete(response);
        }
    }

    private void fail(Throwable error) {
        if (finished.compareAndSet(false, true)) {
            cancelTimer();
            completion.completeExceptionally(error);
            listener.onError(error);
        }
    }

    private void cancelTimer() {
        ScheduledFuture<?> t = timer;
        if (t != null) {
            t.cancel(false);
        }
    }

    private void release() {
        Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
        CompletableFuture<Void> f = sdkFuture;
        if (f != null) {
            f.cancel(true);
        }
    }

    @Override
    public void cancel() {
        fail(new CancellationException("stream of client `" + client.name() + "` cancelled"));
        release();
    }

    @Override
    public CompletableFuture<LlmResponse> completion() {
        return completion;
    }
}
