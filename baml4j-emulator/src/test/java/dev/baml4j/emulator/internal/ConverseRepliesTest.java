package dev.baml4j.emulator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ConverseRepliesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TRICKY = "quote \" backslash \\ newline \n tab \t bell \u0007 nul \u0000 é 😀 </script>";

  private static Behaviour.Plan plan(String text, Integer cacheRead) {
    return new Behaviour.Plan("r", text, "end_turn", 3, 4, cacheRead, null, 1, 0, 0, null);
  }

  @Test
  void converseReplyIsValidJsonWithTheExactText() throws Exception {
    JsonNode n = JSON.readTree(ConverseReplies.converse(plan(TRICKY, 2), 7));
    assertThat(n.at("/output/message/content/0/text").asText()).isEqualTo(TRICKY);
    assertThat(n.at("/output/message/role").asText()).isEqualTo("assistant");
    assertThat(n.at("/stopReason").asText()).isEqualTo("end_turn");
    assertThat(n.at("/usage/totalTokens").asInt()).isEqualTo(9);
    assertThat(n.at("/usage/cacheReadInputTokens").asInt()).isEqualTo(2);
    assertThat(n.at("/usage").has("cacheWriteInputTokens")).isFalse();
    assertThat(n.at("/metrics/latencyMs").asLong()).isEqualTo(7);
  }

  @Test
  void eventPayloadsAreValidJson() throws Exception {
    assertThat(JSON.readTree(ConverseReplies.delta(TRICKY)).at("/delta/text").asText()).isEqualTo(TRICKY);
    assertThat(JSON.readTree(ConverseReplies.messageStop("max_tokens")).get("stopReason").asText())
        .isEqualTo("max_tokens");
    assertThat(JSON.readTree(ConverseReplies.message(TRICKY)).get("message").asText()).isEqualTo(TRICKY);
    JsonNode meta = JSON.readTree(ConverseReplies.metadata(plan("x", null), 5));
    assertThat(meta.at("/usage/inputTokens").asInt()).isEqualTo(3);
    assertThat(meta.at("/metrics/latencyMs").asInt()).isEqualTo(5);
  }
}
