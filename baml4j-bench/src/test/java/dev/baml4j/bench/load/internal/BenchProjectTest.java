package dev.baml4j.bench.load.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import org.junit.jupiter.api.Test;

class BenchProjectTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void rulesAreJsonWithTheDripAndTheFiftyDeltaReply() throws IOException {
        JsonNode rules = JSON.readTree(BenchProject.rules(7, 123)).path("rules");
        assertThat(rules).hasSize(3);
        JsonNode drip = rules.get(0);
        assertThat(drip.path("match").path("model").asText()).isEqualTo(BenchProject.SLOW_MODEL);
        assertThat(drip.path("reply").path("deltas").asInt()).isEqualTo(7);
        assertThat(drip.path("reply").path("deltaDelayMs").asInt()).isEqualTo(123);
        assertThat(rules.get(2).path("reply").path("deltas").asInt()).isEqualTo(BenchProject.DELTAS);
        // The reply must parse as a Ticket: fenced JSON, as models answer.
        assertThat(rules.get(2).path("reply").path("text").asText()).contains("\"priority\": \"HIGH\"");
    }

    @Test
    void bamlPointsEveryClientAtTheEmulator() {
        String baml = BenchProject.baml(URI.create("http://127.0.0.1:4567"));
        assertThat(baml.split("endpoint_url \"http://127.0.0.1:4567\"", -1)).hasSize(3);
        assertThat(baml).contains("function ExtractTicket(email: string) -> Ticket")
                .contains("function ExtractTicketSlowly(email: string) -> Ticket");
    }

    @Test
    void fallbackBodyIsAConverseBody() throws IOException {
        JsonNode body = JSON.readTree(BenchProject.fallbackBody());
        assertThat(body.path("messages").get(0).path("content").get(0).path("text").asText())
                .startsWith(BenchProject.EMAIL);
        assertThat(body.path("system").get(0).path("text").asText()).contains("support emails");
    }
}
