package dev.baml4j.bedrock.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.baml4j.BamlClientException;
import dev.baml4j.prompt.RenderedPrompt;
import dev.baml4j.provider.RequestPreview;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;

/**
 * Builds the exact request a call would send — through the real SDK pipeline, signed — and stops
 * it before transmission. Shown as {@code curl} with {@code Authorization} and the session token
 * redacted, plus the equivalent {@code aws bedrock-runtime converse} command.
 */
final class RequestPreviewer {

    static final String REDACTED = "<redacted>";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RequestPreviewer() {
    }

    static RequestPreview preview(BedrockLlmClient client, BedrockRuntimeAsyncClient sdk, RenderedPrompt prompt,
            boolean stream) {
        ConverseRequestFactory.Parts parts = ConverseRequestFactory.parts(prompt, client.options());
        WireCapture.Sink sink = new WireCapture.Sink(true);
        var override = BedrockLlmClient.override(sink, null);
        CompletableFuture<?> f = stream
                ? sdk.converseStream(ConverseRequestFactory.converseStream(parts).toBuilder().overrideConfiguration(override).build(),
                        ConverseStreamResponseHandler.builder().subscriber(e -> { }).build())
                : sdk.converse(ConverseRequestFactory.converse(parts).toBuilder().overrideConfiguration(override).build());
        try {
            f.join();
        } catch (RuntimeException e) {
            if (sink.captured() == null) {
                throw ErrorMapper.map(client.name(), e);
            }
        }
        WireCapture.Captured c = sink.captured();
        if (c == null) {
            throw new BamlClientException(client.name(), "client `" + client.name() + "`: preview could not capture the request", false, null);
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (Map.Entry<String, String> h : c.headers()) {
            headers.add(Map.entry(h.getKey(), redact(h.getKey(), h.getValue())));
        }
        return new RequestPreview(c.method(), c.url(), headers, c.body(), curl(c.method(), c.url(), headers, c.body()),
                cli(client, parts.modelId(), c.body(), stream));
    }

    static String redact(String header, String value) {
        String h = header.toLowerCase(Locale.ROOT);
        if (h.equals("authorization") || h.equals("x-amz-security-token") || h.contains("secret")) {
            return REDACTED;
        }
        return value;
    }

    private static String curl(String method, String url, List<Map.Entry<String, String>> headers, String body) {
        StringBuilder sb = new StringBuilder("curl -X ").append(method).append(' ').append(quote(url));
        for (Map.Entry<String, String> h : headers) {
            sb.append(" \\\n  -H ").append(quote(h.getKey() + ": " + h.getValue()));
        }
        if (body != null) {
            sb.append(" \\\n  --data-binary ").append(quote(body));
        }
        return sb.toString();
    }

    private static String cli(BedrockLlmClient client, String modelId, String body, boolean stream) {
        StringBuilder sb = new StringBuilder();
        sb.append("AWS_REGION=").append(client.connection().region()).append(' ');
        if (client.options().profile() != null) {
            sb.append("AWS_PROFILE=").append(quote(client.options().profile())).append(' ');
        }
        sb.append("aws bedrock-runtime ").append(stream ? "converse-stream" : "converse");
        sb.append(" --model-id ").append(quote(modelId));
        if (!client.connection().endpointSource().equals("the regional endpoint")) {
            sb.append(" --endpoint-url ").append(quote(client.connection().endpoint().toString()));
        }
        sb.append(" --output json --cli-input-json ").append(quote(pretty(body)));
        return sb.toString();
    }

    private static String pretty(String body) {
        try {
            JsonNode n = JSON.readTree(body);
            return JSON.writeValueAsString(n);
        } catch (Exception e) {
            return body;
        }
    }

    /** POSIX shell single quoting. */
    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
