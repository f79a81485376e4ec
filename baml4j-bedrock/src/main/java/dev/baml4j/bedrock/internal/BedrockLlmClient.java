package dev.baml4j.bedrock.internal;

import dev.baml4j.BamlClientFinishReasonException;
import dev.baml4j.bedrock.internal.ConnectionResolver.Connection;
import dev.baml4j.prompt.RenderedPrompt;
import dev.baml4j.provider.LlmClient;
import dev.baml4j.provider.LlmResponse;
import dev.baml4j.provider.RequestPreview;
import dev.baml4j.provider.Usage;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.TokenUsage;

/**
 * An {@code aws-bedrock} client: Converse for calls, ConverseStream for streams, both on one
 * shared SDK async client. Finish-reason lists are checked on both paths.
 */
public final class BedrockLlmClient implements LlmClient {

    private final BedrockOptions options;
    private final Connection connection;
    private final CredentialSource credentials;
    private final BedrockRuntimeAsyncClient sdk;

    public BedrockLlmClient(BedrockOptions options, Connection connection, CredentialSource credentials,
            BedrockRuntimeAsyncClient sdk) {
        this.options = options;
        this.connection = connection;
        this.credentials = credentials;
        this.sdk = sdk;
    }

    @Override
    public String name() {
        return options.clientName();
    }

    @Override
    public String provider() {
        return "aws-bedrock";
    }

    public BedrockOptions options() {
        return options;
    }

    public Connection connection() {
        return connection;
    }

    /** Where the credentials come from (no secret in it). */
    public String credentialsDescription() {
        return credentials.description();
    }

    @Override
    public CompletableFuture<LlmResponse> call(RenderedPrompt prompt) {
        CompletableFuture<LlmResponse> result = new CompletableFuture<>();
        ConverseRequestFactory.partsAsync(prompt, options).whenComplete((parts, failure) -> {
            if (failure != null) {
                result.completeExceptionally(ErrorMapper.map(name(), failure));
            } else {
                send(ConverseRequestFactory.converse(parts), result);
            }
        });
        return result;
    }

    private void send(ConverseRequest converse, CompletableFuture<LlmResponse> result) {
        WireCapture.Sink sink = new WireCapture.Sink(false);
        ConverseRequest request = converse.toBuilder()
                .overrideConfiguration(override(sink, options.http().requestTimeoutMs())).build();
        sdk.converse(request).whenComplete((response, error) -> {
            if (error != null) {
                result.completeExceptionally(ErrorMapper.map(name(), error));
                return;
            }
            try {
                LlmResponse r = toResponse(response, sink);
                BamlClientFinishReasonException rejected = FinishReasonFilter.check(options, r.finishReason(), r.text());
                if (rejected != null) {
                    result.completeExceptionally(rejected);
                } else {
                    result.complete(r);
                }
            } catch (RuntimeException e) {
                result.completeExceptionally(ErrorMapper.map(name(), e));
            }
        });
    }

    static AwsRequestOverrideConfiguration override(WireCapture.Sink sink, Long timeoutMs) {
        AwsRequestOverrideConfiguration.Builder b = AwsRequestOverrideConfiguration.builder()
                .putExecutionAttribute(WireCapture.SINK, sink);
        if (timeoutMs != null && timeoutMs > 0) {
            b.apiCallTimeout(Duration.ofMillis(timeoutMs));
        }
        return b.build();
    }

    private LlmResponse toResponse(ConverseResponse response, WireCapture.Sink sink) {
        StringBuilder text = new StringBuilder();
        if (response.output() != null && response.output().message() != null) {
            for (ContentBlock b : response.output().message().content()) {
                if (b.text() != null) {
                    text.append(b.text());
                }
            }
        }
        return new LlmResponse(text.toString(), response.stopReasonAsString(), usage(response.usage()), options.model(),
                rawRequest(sink), text.toString());
    }

    static String rawRequest(WireCapture.Sink sink) {
        return sink.captured() == null ? null : sink.captured().body();
    }

    static Usage usage(TokenUsage u) {
        if (u == null) {
            return Usage.UNKNOWN;
        }
        return new Usage(toLong(u.inputTokens()), toLong(u.outputTokens()), toLong(u.totalTokens()),
                toLong(u.cacheReadInputTokens()), toLong(u.cacheWriteInputTokens()));
    }

    private static Long toLong(Integer i) {
        return i == null ? null : i.longValue();
    }

    @Override
    public StreamHandle stream(RenderedPrompt prompt, StreamListener listener) {
        if (!options.supportsStreaming()) {
            return SingleEventStream.start(call(prompt), listener);
        }
        return ConverseStreamCall.start(this, sdk, prompt, listener);
    }

    @Override
    public RequestPreview preview(RenderedPrompt prompt, boolean stream) {
        return RequestPreviewer.preview(this, sdk, prompt, stream && options.supportsStreaming());
    }

    @Override
    public String toString() {
        return "BedrockLlmClient[" + name() + ", model " + options.model() + ", region " + connection.region()
                + ", endpoint " + connection.endpoint() + ", credentials " + credentials.description() + "]";
    }
}
