package dev.baml4j.bedrock.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baml4j.bedrock.AwsBedrockProvider;
import dev.baml4j.prompt.ChatMessage;
import dev.baml4j.prompt.RenderedPrompt;
import dev.baml4j.provider.ClientContext;
import dev.baml4j.provider.LlmClient;
import dev.baml4j.provider.LlmProvider;
import dev.baml4j.provider.RequestPreview;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/** How requests are signed, seen through the preview (the real SDK pipeline, stopped before sending). */
class SigningTest {

    @Test
    void isFoundThroughServiceLoaderByName() {
        List<String> names = ServiceLoader.load(LlmProvider.class).stream().map(p -> p.get().name()).collect(Collectors.toList());
        assertThat(names).contains("aws-bedrock");
    }

    @Test
    @ResourceLock("system-properties")
    void explicitKeysSignWithSigV4EvenWhenABedrockBearerTokenIsConfigured() {
        // The SDK reads AWS_BEARER_TOKEN_BEDROCK (or this property) and would send "Authorization: Bearer".
        String old = System.getProperty("aws.bearerTokenBedrock");
        System.setProperty("aws.bearerTokenBedrock", "bearer-token-from-env");
        try {
            LlmClient c = new AwsBedrockProvider().create(TestClients.with(Map.of("endpoint_url", "http://127.0.0.1:9",
                    "region", "eu-west-3")), new ClientContext(Map.of("AWS_EC2_METADATA_DISABLED", "true"), false));
            RequestPreview p = c.preview(new RenderedPrompt(List.of(ChatMessage.text("user", "x"))), false);
            assertThat(p.headers()).anySatisfy(h -> assertThat(h.getKey()).isEqualToIgnoringCase("x-amz-date"));
            assertThat(p.toString()).doesNotContain("bearer-token-from-env");
            WireCapture.Sink sink = new WireCapture.Sink(true);
            BedrockLlmClient b = (BedrockLlmClient) c;
            assertThat(b.connection().region()).isEqualTo("eu-west-3");
            String auth = captureAuthorization(b, sink);
            assertThat(auth).startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/").contains("/eu-west-3/bedrock/aws4_request");
        } finally {
            if (old == null) {
                System.clearProperty("aws.bearerTokenBedrock");
            } else {
                System.setProperty("aws.bearerTokenBedrock", old);
            }
        }
    }

    private static String captureAuthorization(BedrockLlmClient client, WireCapture.Sink sink) {
        var sdk = SdkClients.get(client.connection(), CredentialResolver.resolve(client.options(),
                Map.of("AWS_EC2_METADATA_DISABLED", "true"), "eu-west-3"), false, null, Map.of());
        var request = ConverseRequestFactory.converse(ConverseRequestFactory.parts(
                new RenderedPrompt(List.of(ChatMessage.text("user", "x"))), client.options()));
        try {
            sdk.converse(request.toBuilder().overrideConfiguration(BedrockLlmClient.override(sink, null)).build()).join();
        } catch (RuntimeException expected) {
            // the capture stops the request before it is sent
        }
        return sink.captured().headers().stream().filter(h -> h.getKey().equalsIgnoreCase("authorization"))
                .map(Map.Entry::getValue).findFirst().orElseThrow();
    }
}
