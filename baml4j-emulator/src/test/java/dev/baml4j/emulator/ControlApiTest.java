package dev.baml4j.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;

/** The HTTP control surface: {@code GET /__requests}, {@code POST /__control}, {@code POST /__reset}. */
class ControlApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private BedrockEmulator emulator;
  private BedrockRuntimeClient client;

  @BeforeEach
  void start() {
    emulator = BedrockEmulator.builder().build().start();
    client = SdkClients.sync(emulator.uri());
  }

  @AfterEach
  void stop() {
    client.close();
    emulator.close();
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(emulator.uri().resolve(path))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(emulator.uri().resolve(path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void journalListsRequestsWithSignatureResults() throws Exception {
    client.converse(SdkClients.converse("sys", "journal me"));
    JsonNode journal = JSON.readTree(get("/__requests").body());
    assertThat(journal).hasSize(1);
    JsonNode r = journal.get(0);
    assertThat(r.get("method").asText()).isEqualTo("POST");
    assertThat(r.get("path").asText()).isEqualTo("/model/anthropic.claude-3-haiku-20240307-v1%3A0/converse");
    assertThat(r.get("signatureValid").asBoolean()).isTrue();
    assertThat(r.get("accessKeyId").asText()).isEqualTo("AKIDEXAMPLE");
    assertThat(r.get("modelId").asText()).isEqualTo(SdkClients.MODEL);
    assertThat(r.get("headers").get("authorization").get(0).asText()).startsWith("AWS4-HMAC-SHA256 Credential=");
    assertThat(JSON.readTree(r.get("body").asText()).get("messages").get(0).get("content").get(0).get("text")
        .asText()).isEqualTo("journal me");

    assertThat(post("/__reset", "").statusCode()).isEqualTo(200);
    assertThat(get("/__requests").body()).isEqualTo("[]");
  }

  @Test
  void controlTakesTheConformanceStubKeysAndRules() throws Exception {
    assertThat(post("/__control", "{\"stopReason\": \"stop_sequence\"}").statusCode()).isEqualTo(200);
    assertThat(client.converse(SdkClients.converse(null, "x")).stopReason()).isEqualTo(StopReason.STOP_SEQUENCE);

    assertThat(post("/__control", "{\"rules\": [{\"match\": {\"user\": \"^ping$\"}, \"reply\": {\"text\": \"pong\"}}]}")
        .statusCode()).isEqualTo(200);
    assertThat(client.converse(SdkClients.converse(null, "ping")).output().message().content().get(0).text())
        .isEqualTo("pong");
    assertThat(client.converse(SdkClients.converse(null, "other")).output().message().content().get(0).text())
        .isEqualTo("other");

    post("/__reset", "");
    assertThat(client.converse(SdkClients.converse(null, "ping")).output().message().content().get(0).text())
        .isEqualTo("ping");
  }

  @Test
  void badControlBodiesAreRejectedWithTheReason() throws Exception {
    HttpResponse<String> typo = post("/__control", "{\"stopreason\": \"max_tokens\"}");
    assertThat(typo.statusCode()).isEqualTo(400);
    assertThat(typo.body()).contains("unknown key \\\"stopreason\\\"").contains("stopReason");

    HttpResponse<String> notJson = post("/__control", "{nope");
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(notJson.body()).contains("POST /__control:1:");

    HttpResponse<String> fault = post("/__control", "{\"fault\": {\"type\": \"explode\"}}");
    assertThat(fault.statusCode()).isEqualTo(400);
    assertThat(fault.body()).contains("unknown fault type").contains("streamException");
  }

  @Test
  void unknownPathsAre404() throws Exception {
    assertThat(get("/nothing/here").statusCode()).isEqualTo(404);
    assertThat(get("/__nothing").statusCode()).isEqualTo(404);
  }

  @Test
  void malformedHttpGetsA400AndTheConnectionCloses() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", emulator.port())) {
      socket.getOutputStream().write("THIS IS NOT HTTP\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      String reply = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(reply).startsWith("HTTP/1.1 400");
    }
  }

  @Test
  void http11ConnectionsAreKeptAlive() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", emulator.port())) {
      OutputStream out = socket.getOutputStream();
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      for (int i = 0; i < 3; i++) {
        out.write(("GET /__requests HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        assertThat(in.readLine()).isEqualTo("HTTP/1.1 200 OK");
        int length = -1;
        for (String line = in.readLine(); !line.isEmpty(); line = in.readLine()) {
          if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
            length = Integer.parseInt(line.substring(15).strip());
          }
        }
        char[] body = new char[length];
        assertThat(in.read(body)).isEqualTo(length);
      }
    }
  }
}
