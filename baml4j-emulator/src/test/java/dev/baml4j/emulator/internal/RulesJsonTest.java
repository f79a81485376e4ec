package dev.baml4j.emulator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baml4j.emulator.Credentials;
import dev.baml4j.emulator.Fault;
import dev.baml4j.emulator.Rule;
import dev.baml4j.emulator.Rules;
import org.junit.jupiter.api.Test;

class RulesJsonTest {
  @Test
  void readsEveryRuleField() {
    Rules rules = Rules.fromJson("""
        {"rules": [
          {"name": "r1", "match": {"model": "m", "modelRegex": "m.*", "system": "sys", "user": "u"}, "times": 2,
           "reply": {"text": "t", "stopReason": "max_tokens", "deltas": 3, "firstByteDelayMs": 5, "deltaDelayMs": 6,
                     "usage": {"inputTokens": 1, "outputTokens": 2, "cacheReadInputTokens": 3, "cacheWriteInputTokens": 4}},
           "fault": {"type": "streamException", "exceptionType": "throttlingException", "message": "m", "afterDeltas": 2}}
        ]}""", "rules.json");
    Rule r = rules.rules().get(0);
    assertThat(r.name()).isEqualTo("r1");
    assertThat(r.model()).isEqualTo("m");
    assertThat(r.modelRegex()).isEqualTo("m.*");
    assertThat(r.systemRegex()).isEqualTo("sys");
    assertThat(r.userRegex()).isEqualTo("u");
    assertThat(r.times()).isEqualTo(2);
    assertThat(r.reply().text()).isEqualTo("t");
    assertThat(r.reply().deltas()).isEqualTo(3);
    assertThat(r.reply().firstByteDelayMs()).isEqualTo(5);
    assertThat(r.reply().deltaDelayMs()).isEqualTo(6);
    assertThat(r.reply().cacheWriteInputTokens()).isEqualTo(4);
    assertThat(r.fault()).isEqualTo(Fault.streamException("throttlingException", "m", 2));
  }

  @Test
  void aBareArrayIsAccepted() {
    assertThat(Rules.fromJson("[{\"reply\": {\"text\": \"x\"}}]", "a.json").rules()).hasSize(1);
  }

  @Test
  void errorsNameTheFileThePlaceAndTheFix() {
    assertThatThrownBy(() -> Rules.fromJson("{\"rules\": [{}, {\"reply\": {\"txt\": \"x\"}}]}", "my-rules.json"))
        .hasMessageContaining("my-rules.json: at rules[1].reply: unknown key \"txt\"")
        .hasMessageContaining("text");
    assertThatThrownBy(() -> Rules.fromJson("{\"rules\": [{\"match\": {\"user\": \"(\"}}]}", "r.json"))
        .hasMessageContaining("r.json: at rules[0]").hasMessageContaining("userRegex is not a valid regular expression");
    assertThatThrownBy(() -> Rules.fromJson("{\"rules\": [\n  {\"reply\": }]}", "r.json"))
        .hasMessageStartingWith("r.json:2:");
    assertThatThrownBy(() -> Rules.fromJson("{\"rules\": [{\"reply\": {\"deltas\": 0}}]}", "r.json"))
        .hasMessageContaining("deltas must be at least 1");
    assertThatThrownBy(() -> Rules.fromJson("{\"rules\": [{\"fault\": {\"status\": 500}}]}", "r.json"))
        .hasMessageContaining("needs \"type\"");
  }

  @Test
  void streamExceptionsDefaultToAnInternalServerException() {
    Fault f = Rules.fromJson("[{\"fault\": {\"type\": \"streamException\", \"afterDeltas\": 1}}]", "r")
        .rules().get(0).fault();
    assertThat(f.errorType()).isEqualTo("internalServerException");
    assertThat(f.message()).isNotBlank();
  }

  @Test
  void httpFaultStatusFollowsTheErrorType() {
    Fault f = Rules.fromJson("[{\"fault\": {\"type\": \"httpError\", \"errorType\": \"ThrottlingException\"}}]", "r")
        .rules().get(0).fault();
    assertThat(f.status()).isEqualTo(429);
    assertThat(f.message()).isEqualTo("Too many requests, please wait before trying again.");
  }

  @Test
  void credentialsFileAndSecretsStayOutOfToString() {
    Credentials c = Credentials.fromJson("""
        {"keys": [{"accessKeyId": "AKIA1", "secretAccessKey": "s3cr3t-value", "sessionToken": "t0ken-value"}],
         "region": "us-west-2", "containerAuthorizationToken": "container-value", "webIdentityToken": "oidc-value",
         "roles": [{"arn": "arn:aws:iam::1:role/r", "externalId": "e"}]}""", "creds.json");
    assertThat(c.keys()).hasSize(1);
    assertThat(c.region()).isEqualTo("us-west-2");
    assertThat(c.service()).isEqualTo("bedrock");
    assertThat(c.roles().get(0).externalId()).isEqualTo("e");
    assertThat(c.toString()).contains("AKIA1").doesNotContain("s3cr3t-value", "t0ken-value", "container-value",
        "oidc-value");
    CredentialStore.Entry issued = new CredentialStore(c).issue("arn:aws:iam::1:role/r");
    assertThat(issued.toString()).doesNotContain(issued.secretAccessKey(), issued.sessionToken());
    assertThat(Credentials.fromJson("{}", "empty.json").keys().get(0).accessKeyId()).isEqualTo("AKIDEXAMPLE");
    assertThatThrownBy(() -> Credentials.fromJson("{\"keys\": [{\"accessKeyId\": \"A\"}]}", "c.json"))
        .hasMessageContaining("c.json: at keys[0]: needs both");
  }
}
