package dev.baml4j.emulator.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baml4j.emulator.BedrockEmulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;

@ExtendWith(BedrockEmulatorExtension.class)
@EmulatorConfig(rules = "emulator/rules.json")
class BedrockEmulatorExtensionTest {
  private static URI previous;

  @Test
  void injectsAStartedEmulatorWithTheConfiguredRules(BedrockEmulator emulator) {
    previous = emulator.uri();
    try (BedrockRuntimeClient client = BedrockRuntimeClient.builder().endpointOverride(emulator.uri())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(o -> o.retryStrategy(b -> b.maxAttempts(1)))
        .build()) {
      String text = client.converse(r -> r.modelId("anthropic.claude-3-haiku-20240307-v1:0")
          .messages(Message.builder().role(ConversationRole.USER).content(ContentBlock.fromText("hello")).build()))
          .output().message().content().get(0).text();
      assertThat(text).isEqualTo("Hi from the rules file");
      assertThatThrownBy(() -> client.converse(r -> r.modelId("m")
          .messages(Message.builder().role(ConversationRole.USER).content(ContentBlock.fromText("throttle me"))
              .build())))
          .isInstanceOf(ThrottlingException.class).hasMessageContaining("slow down");
    }
    assertThat(emulator.journal().size()).isEqualTo(2);
  }

  @Test
  void sameInstanceForEveryParameterOfOneTest(BedrockEmulator a, BedrockEmulator b) throws Exception {
    assertThat(a).isSameAs(b);
    HttpResponse<String> res = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(a.uri().resolve("/__requests")).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(res.statusCode()).isEqualTo(200);
    assertThat(res.body()).isEqualTo("[]");
  }

  @AfterAll
  static void emulatorsAreStoppedAfterEachTest() {
    if (previous != null) {
      assertThatThrownBy(() -> HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(previous.resolve("/__requests")).GET().build(),
          HttpResponse.BodyHandlers.ofString())).isInstanceOf(java.io.IOException.class);
    }
  }
}
