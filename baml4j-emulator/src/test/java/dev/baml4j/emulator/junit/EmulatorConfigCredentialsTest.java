package dev.baml4j.emulator.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baml4j.emulator.BedrockEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.BedrockRuntimeException;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.Message;

@ExtendWith(BedrockEmulatorExtension.class)
class EmulatorConfigCredentialsTest {
  private static String converse(BedrockEmulator emulator, String keyId, String secret, Region region) {
    try (BedrockRuntimeClient client = BedrockRuntimeClient.builder().endpointOverride(emulator.uri()).region(region)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(keyId, secret)))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(o -> o.retryStrategy(b -> b.maxAttempts(1))).build()) {
      return client.converse(r -> r.modelId("m").messages(Message.builder().role(ConversationRole.USER)
          .content(ContentBlock.fromText("hi")).build())).output().message().content().get(0).text();
    }
  }

  @Test
  @EmulatorConfig(credentials = "emulator/credentials.json")
  void methodLevelCredentialsFile(BedrockEmulator emulator) {
    assertThat(converse(emulator, "AKIAJUNITEXAMPLE", "junit-secret", Region.EU_CENTRAL_1)).isEqualTo("hi");
    assertThatThrownBy(() -> converse(emulator, "AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
        Region.EU_CENTRAL_1)).isInstanceOf(BedrockRuntimeException.class);
    assertThatThrownBy(() -> converse(emulator, "AKIAJUNITEXAMPLE", "junit-secret", Region.US_EAST_1))
        .isInstanceOf(BedrockRuntimeException.class);
  }

  @Test
  void withoutConfigTheExampleKeysWork(BedrockEmulator emulator) {
    assertThat(converse(emulator, "AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", Region.US_EAST_1))
        .isEqualTo("hi");
  }
}
