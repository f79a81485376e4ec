package dev.baml4j.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baml4j.emulator.BedrockEmulator;
import dev.baml4j.emulator.Credentials;
import dev.baml4j.emulator.Reply;
import dev.baml4j.emulator.Rule;
import dev.baml4j.emulator.Rules;
import dev.baml4j.runtime.BamlRuntime;
import dev.baml4j.runtime.CallOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FunctionServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "serve-test-key";
    private static final String SOURCE = """
            client<llm> Emu {
              provider aws-bedrock
              options {
                model "anthropic.claude-3-haiku-20240307-v1:0"
                region "us-east-1"
                endpoint_url env.EMU
                finish_reason_allow_list ["end_turn"]
              }
            }

            class Person {
              name string
              hobbies string[]
            }

            function Describe(text: string) -> Person {
              client Emu
              prompt #"
                Describe: {{ text }}
                {{ ctx.output_format }}
              "#
            }
            """;

    private static BedrockEmulator emulator;
    private static FunctionServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        emulator = BedrockEmulator.builder().port(0).build().start();
        // The runtime sees exactly this environment, never the developer's own AWS_* variables.
        Map<String, String> env = Map.of("EMU", emulator.uri().toString(),
                "AWS_ACCESS_KEY_ID", Credentials.EXAMPLE_ACCESS_KEY_ID,
                "AWS_SECRET_ACCESS_KEY", Credentials.EXAMPLE_SECRET_ACCESS_KEY);
        BamlRuntime runtime = BamlRuntime.builder().sources(Map.of("main.baml", SOURCE)).env(env).build();
        server = FunctionServer.start(runtime, CallOptions.defaults(), KEY, "127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.close();
        emulator.close();
    }

    @BeforeEach
    void replies() {
        emulator.reset();
        emulator.rules(Rules.of(Rule.any().reply(
                Reply.text("{\"name\": \"Ada\", \"hobbies\": [\"math\", \"poetry\"]}").withDeltas(6))));
    }

    private static HttpResponse<String> post(String path, String body, String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri().resolve(path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            b.header("x-api-key", key);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void pingNeedsNoKey() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(server.uri().resolve("/_debug/ping")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("ok");
    }

    @Test
    void callReturnsTheTypedResultAsJson() throws Exception {
        HttpResponse<String> r = post("/call/Describe", "{\"text\": \"Ada\"}", KEY);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(r.body())).isEqualTo(JSON.readTree("{\"name\":\"Ada\",\"hobbies\":[\"math\",\"poetry\"]}"));
    }

    @Test
    void bearerTokenIsAcceptedToo() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(server.uri().resolve("/call/Describe"))
                .header("Authorization", "Bearer " + KEY)
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"Ada\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
    }

    @Test
    void missingOrWrongKeyIs401() throws Exception {
        assertThat(post("/call/Describe", "{\"text\": \"Ada\"}", null).statusCode()).isEqualTo(401);
        HttpResponse<String> wrong = post("/call/Describe", "{\"text\": \"Ada\"}", "nope");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).doesNotContain(KEY);
        assertThat(emulator.journal().size()).isZero();
    }

    @Test
    void badArgumentsAre400AndUnknownFunctionsAre404() throws Exception {
        assertThat(post("/call/Describe", "{\"nope\": 1}", KEY).statusCode()).isEqualTo(400);
        assertThat(post("/call/Describe", "not json", KEY).statusCode()).isEqualTo(400);
        HttpResponse<String> unknown = post("/call/Nope", "{}", KEY);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("Describe");
    }

    @Test
    void upstreamFailureIs502WithTheBamlErrorClass() throws Exception {
        emulator.control("{\"status\": 500, \"errorType\": \"InternalServerException\", \"errorMessage\": \"boom\"}");
        HttpResponse<String> r = post("/call/Describe", "{\"text\": \"Ada\"}", KEY);
        assertThat(r.statusCode()).isEqualTo(502);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("error").asText()).isEqualTo("BamlClientHttpException");
        assertThat(body.get("upstream_status").asInt()).isEqualTo(500);
    }

    @Test
    void cutOffAndUnparseableRepliesAre422() throws Exception {
        emulator.control("{\"stopReason\": \"max_tokens\"}");
        HttpResponse<String> cut = post("/call/Describe", "{\"text\": \"Ada\"}", KEY);
        assertThat(cut.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(cut.body()).get("error").asText()).isEqualTo("BamlClientFinishReasonException");

        emulator.control("{\"text\": \"I cannot help with that.\"}");
        HttpResponse<String> prose = post("/call/Describe", "{\"text\": \"Ada\"}", KEY);
        assertThat(prose.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(prose.body()).get("error").asText()).isEqualTo("BamlValidationException");
    }

    @Test
    void streamSendsPartialsThenTheFinalValue() throws Exception {
        HttpResponse<String> r = post("/stream/Describe", "{\"text\": \"Ada\"}", KEY);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).hasValue("text/event-stream");
        String body = r.body();
        assertThat(body).contains("event: partial\ndata: ");
        int finalAt = body.indexOf("event: final\ndata: ");
        assertThat(finalAt).isGreaterThan(body.indexOf("event: partial"));
        String data = body.substring(finalAt + "event: final\ndata: ".length()).trim();
        assertThat(JSON.readTree(data).get("hobbies").size()).isEqualTo(2);
    }

    @Test
    void twoHundredConcurrentCallsAllSucceed() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            HttpRequest req = HttpRequest.newBuilder(server.uri().resolve(i % 4 == 0 ? "/stream/Describe" : "/call/Describe"))
                    .header("x-api-key", KEY)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"Ada " + i + "\"}")).build();
            calls.add(HTTP.sendAsync(req, HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            HttpResponse<String> r = call.get();
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(r.body()).contains("Ada").doesNotContain("event: error");
        }
    }

    @Test
    void uriIsLoopback() {
        assertThat(server.uri().getHost()).isEqualTo("127.0.0.1");
        assertThat(URI.create(server.uri().toString()).getPort()).isPositive();
    }
}
