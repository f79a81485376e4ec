package dev.baml4j.bedrock.internal;

import static dev.baml4j.bedrock.internal.TestClients.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baml4j.BamlClientException;
import dev.baml4j.bedrock.AwsBedrockProvider;
import dev.baml4j.prompt.ChatMessage;
import dev.baml4j.prompt.ChatPart;
import dev.baml4j.prompt.RenderedPrompt;
import dev.baml4j.provider.ClientContext;
import dev.baml4j.provider.LlmClient;
import dev.baml4j.provider.RequestPreview;
import dev.baml4j.types.BamlType;
import dev.baml4j.types.BamlValue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The body and path the real SDK puts on the wire, captured after signing by the preview path
 * (nothing is sent, so no server is needed).
 */
class WireBodyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> ENV = Map.of("AWS_EC2_METADATA_DISABLED", "true", "HOME", "/nonexistent");

    static LlmClient client(Map<String, Object> extra) {
        Map<String, Object> all = new HashMap<>(Map.of("endpoint_url", "http://127.0.0.1:9"));
        all.putAll(extra);
        return new AwsBedrockProvider().create(with(all), new ClientContext(ENV, false));
    }

    static JsonNode body(LlmClient c, ChatMessage... messages) throws Exception {
        return JSON.readTree(c.preview(new RenderedPrompt(List.of(messages)), false).body());
    }

    private static ChatMessage msg(String role, String text) {
        return ChatMessage.text(role, text);
    }

    private static ChatMessage cached(String role, String text) {
        return new ChatMessage(role, List.of(new ChatPart.Text(text)), Map.of("cache_control", Map.of("type", "ephemeral")));
    }

    @Test
    void sendsSystemMessagesAndEmptyConfigObjects() throws Exception {
        JsonNode b = body(client(Map.of()), msg("system", "Be brief."), msg("user", "ping"));
        assertThat(b).isEqualTo(JSON.readTree("{\"additionalModelRequestFields\":{},\"inferenceConfig\":{},"
                + "\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"ping\"}]}],\"system\":[{\"text\":\"Be brief.\"}]}"));
    }

    @Test
    void leavesSystemOutWithoutASystemTurn() throws Exception {
        JsonNode b = body(client(Map.of()), msg("user", "hi"));
        assertThat(b.has("system")).isFalse();
    }

    @Test
    void mergesSameRoleTurnsAlsoAfterDemotingALateSystemTurn() throws Exception {
        JsonNode b = body(client(Map.of()), msg("user", "a"), msg("system", "late"), msg("user", "b"), msg("assistant", "c"));
        assertThat(b.get("messages")).isEqualTo(JSON.readTree("[{\"role\":\"user\",\"content\":[{\"text\":\"a\"},"
                + "{\"text\":\"late\"},{\"text\":\"b\"}]},{\"role\":\"assistant\",\"content\":[{\"text\":\"c\"}]}]"));
        assertThat(b.has("system")).isFalse();
    }

    @Test
    void sendsAPromptOfOnlySystemTextAsTheUserTurn() throws Exception {
        JsonNode b = body(client(Map.of()), msg("system", "only"));
        assertThat(b.get("messages").get(0).get("role").asText()).isEqualTo("user");
        assertThat(b.has("system")).isFalse();
    }

    @Test
    void appliesDefaultRoleAndRemapRoles() throws Exception {
        LlmClient c = client(Map.of("allowed_roles", List.of("user", "assistant", "narrator"),
                "remap_roles", Map.of("narrator", "assistant")));
        JsonNode b = body(c, msg("system", "sys"), msg("user", "q"), msg("narrator", "n"));
        assertThat(b.get("messages")).isEqualTo(JSON.readTree("[{\"role\":\"user\",\"content\":[{\"text\":\"sys\"},"
                + "{\"text\":\"q\"}]},{\"role\":\"assistant\",\"content\":[{\"text\":\"n\"}]}]"));
    }

    @Test
    void placesCachePointsAfterTheTurnThatCarriedCacheControl() throws Exception {
        JsonNode b = body(client(Map.of()), cached("system", "doc"), cached("user", "cached"), msg("user", "open"));
        assertThat(b.get("system")).isEqualTo(JSON.readTree("[{\"text\":\"doc\"},{\"cachePoint\":{\"type\":\"default\"}}]"));
        assertThat(b.get("messages").get(0).get("content")).isEqualTo(JSON.readTree(
                "[{\"text\":\"cached\"},{\"cachePoint\":{\"type\":\"default\"}},{\"text\":\"open\"}]"));
        JsonNode none = body(client(Map.of("allowed_role_metadata", "none")), cached("user", "x"));
        assertThat(none.get("messages").get(0).get("content")).hasSize(1);
        JsonNode list = body(client(Map.of("allowed_role_metadata", List.of("other"))), cached("user", "x"));
        assertThat(list.get("messages").get(0).get("content")).hasSize(1);
    }

    @Test
    void sendsInferenceConfigAsFloat32AndAdditionalFieldsExactly() throws Exception {
        LlmClient c = client(Map.of("inference_configuration", Map.of("max_tokens", 256, "temperature", 0.7,
                "top_p", 0.9, "stop_sequences", List.of("</done>")),
                "additional_model_request_fields", Map.of("top_k", 250, "ratio", 0.7,
                        "thinking", Map.of("type", "enabled", "budget_tokens", 1030))));
        JsonNode b = body(c, msg("user", "x"));
        JsonNode ic = b.get("inferenceConfig");
        assertThat(ic.get("maxTokens").asInt()).isEqualTo(256);
        assertThat((float) ic.get("temperature").asDouble()).isEqualTo(0.7f);
        assertThat((float) ic.get("topP").asDouble()).isEqualTo(0.9f);
        assertThat(ic.get("stopSequences").get(0).asText()).isEqualTo("</done>");
        assertThat(b.get("additionalModelRequestFields")).isEqualTo(JSON.readTree(
                "{\"top_k\":250,\"ratio\":0.7,\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":1030}}"));
    }

    @Test
    void encodesTheModelIdInThePathAndKeepsAnEndpointPrefix() {
        LlmClient c = client(Map.of("model", "arn:aws:bedrock:us-east-1:123:inference-profile/us.x (1)+",
                "endpoint_url", "http://127.0.0.1:9/some/prefix/"));
        RequestPreview p = c.preview(new RenderedPrompt(List.of(msg("user", "x"))), false);
        assertThat(p.url()).isEqualTo("http://127.0.0.1:9/some/prefix/model/"
                + "arn%3Aaws%3Abedrock%3Aus-east-1%3A123%3Ainference-profile%2Fus.x%20%281%29%2B/converse");
        RequestPreview s = c.preview(new RenderedPrompt(List.of(msg("user", "x"))), true);
        assertThat(s.url()).endsWith("/converse-stream");
    }

    @Test
    void previewRedactsSignatureAndToken() {
        LlmClient c = client(Map.of("session_token", "SESSIONTOKEN-SECRET"));
        RequestPreview p = c.preview(new RenderedPrompt(List.of(msg("user", "x"))), false);
        String all = p.curl() + p.cliForm() + p.headers() + p;
        assertThat(all).doesNotContain("wJalrXUtnFEMI").doesNotContain("SESSIONTOKEN-SECRET").doesNotContain("Signature=");
        assertThat(p.headers()).anySatisfy(h -> {
            assertThat(h.getKey()).isEqualToIgnoringCase("authorization");
            assertThat(h.getValue()).isEqualTo("<redacted>");
        });
        assertThat(p.curl()).startsWith("curl -X POST 'http://127.0.0.1:9/model/");
        assertThat(p.cliForm()).startsWith("AWS_REGION=us-east-1 aws bedrock-runtime converse --model-id "
                + "'anthropic.claude-3-haiku-20240307-v1:0' --endpoint-url 'http://127.0.0.1:9'");
        assertThat(c.toString()).doesNotContain("wJalrXUtnFEMI");
    }

    @Test
    void mapsMediaAndRefusesAudio() throws Exception {
        String png = java.util.Base64.getEncoder().encodeToString(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        ChatMessage m = new ChatMessage("user", List.of(
                new ChatPart.Media(new BamlValue.MediaValue(BamlType.MediaKind.IMAGE, BamlValue.MediaValue.MediaSource.BASE64, png, "image/jpg")),
                new ChatPart.Media(new BamlValue.MediaValue(BamlType.MediaKind.PDF, BamlValue.MediaValue.MediaSource.BASE64, png, "application/pdf")),
                new ChatPart.Media(new BamlValue.MediaValue(BamlType.MediaKind.PDF, BamlValue.MediaValue.MediaSource.URL, "s3://b/k.pdf", "application/pdf")),
                new ChatPart.Media(new BamlValue.MediaValue(BamlType.MediaKind.VIDEO, BamlValue.MediaValue.MediaSource.URL, "s3://b/v.mp4", "video/mp4"))),
                Map.of());
        JsonNode content = body(client(Map.of()), m).get("messages").get(0).get("content");
        assertThat(content.get(0).get("image").get("format").asText()).isEqualTo("jpeg");
        assertThat(content.get(0).get("image").get("source").get("bytes").asText()).isEqualTo(png);
        assertThat(content.get(1).get("document").get("name").asText()).isEqualTo("document");
        assertThat(content.get(2).get("document").get("name").asText()).isEqualTo("document-2");
        assertThat(content.get(2).get("document").get("source").get("s3Location").get("uri").asText()).isEqualTo("s3://b/k.pdf");
        assertThat(content.get(3).get("video").get("format").asText()).isEqualTo("mp4");
        ChatMessage audio = new ChatMessage("user", List.of(new ChatPart.Media(new BamlValue.MediaValue(
                BamlType.MediaKind.AUDIO, BamlValue.MediaValue.MediaSource.URL, "http://127.0.0.1:9/a.mp3", null))), Map.of());
        assertThatThrownBy(() -> body(client(Map.of()), audio)).isInstanceOf(BamlClientException.class)
                .hasMessageContaining("audio");
    }

    @Test
    void downloadsHttpMediaUnderSendBase64AndRefusesAudioBeforeDownloading() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
        java.util.concurrent.atomic.AtomicInteger hits = new java.util.concurrent.atomic.AtomicInteger();
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            hits.incrementAndGet();
            ex.getResponseHeaders().add("Content-Type", "image/png");
            ex.sendResponseHeaders(200, png.length);
            ex.getResponseBody().write(png);
            ex.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            ChatMessage image = new ChatMessage("user", List.of(new ChatPart.Media(new BamlValue.MediaValue(
                    BamlType.MediaKind.IMAGE, BamlValue.MediaValue.MediaSource.URL, base + "/cat.png", null))), Map.of());
            JsonNode block = body(client(Map.of()), image).get("messages").get(0).get("content").get(0).get("image");
            assertThat(block.get("format").asText()).isEqualTo("png");
            assertThat(block.get("source").get("bytes").asText()).isEqualTo(java.util.Base64.getEncoder().encodeToString(png));
            assertThat(hits.get()).isEqualTo(1);
            ChatMessage audio = new ChatMessage("user", List.of(new ChatPart.Media(new BamlValue.MediaValue(
                    BamlType.MediaKind.AUDIO, BamlValue.MediaValue.MediaSource.URL, base + "/a.mp3", null))), Map.of());
            Throwable t = client(Map.of()).call(new RenderedPrompt(List.of(audio))).handle((r, e) -> e).join();
            assertThat(t).isInstanceOf(BamlClientException.class).hasMessageContaining("audio");
            assertThat(hits.get()).isEqualTo(1);
            ChatMessage http = new ChatMessage("user", List.of(new ChatPart.Media(new BamlValue.MediaValue(
                    BamlType.MediaKind.IMAGE, BamlValue.MediaValue.MediaSource.URL, base + "/cat.png", "image/png"))), Map.of());
            assertThatThrownBy(() -> body(client(Map.of("media_url_handler", Map.of("image", "send_url"))), http))
                    .hasMessageContaining("s3://");
        } finally {
            server.stop(0);
        }
    }
}
