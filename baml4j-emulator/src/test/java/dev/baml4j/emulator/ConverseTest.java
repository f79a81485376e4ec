package dev.baml4j.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.AccessDeniedException;
import software.amazon.awssdk.services.bedrockruntime.model.BedrockRuntimeException;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.InternalServerException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelTimeoutException;
import software.amazon.awssdk.services.bedrockruntime.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceUnavailableException;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

/** {@code BedrockRuntimeClient.converse} (URL-connection client) against the emulator. */
class ConverseTest {
  private BedrockEmulator emulator;
  private BedrockRuntimeClient client;

  @BeforeEach
  void start() {
    emulator = BedrockEmulator.builder().rules(Rules.of(
        Rule.any().named("resume").model(SdkClients.MODEL).systemMatches("resumes").userMatches("(?i)extract")
            .reply(Reply.text("{\"name\": \"Ada\"}").withStopReason("max_tokens").withUsage(25, 12)
                .withCacheUsage(7, 3)),
        Rule.any().modelMatches("amazon\\..*").reply(Reply.text("titan says hi")))).build().start();
    client = SdkClients.sync(emulator.uri());
  }

  @AfterEach
  void stop() {
    client.close();
    emulator.close();
  }

  @Test
  void echoesTheLastUserTextAndRecordsAVerifiedSignature() {
    ConverseResponse res = client.converse(SdkClients.converse(null, "hello there"));

    assertThat(res.output().message().content().get(0).text()).isEqualTo("hello there");
    assertThat(res.stopReason()).isEqualTo(StopReason.END_TURN);
    assertThat(res.usage().inputTokens()).isPositive();
    assertThat(res.usage().totalTokens()).isEqualTo(res.usage().inputTokens() + res.usage().outputTokens());
    assertThat(res.usage().cacheReadInputTokens()).isNull();
    RecordedRequest r = emulator.journal().last();
    assertThat(r.signatureValid()).isTrue();
    assertThat(r.path()).isEqualTo("/model/anthropic.claude-3-haiku-20240307-v1%3A0/converse");
    assertThat(r.modelId()).isEqualTo(SdkClients.MODEL);
    assertThat(r.accessKeyId()).isEqualTo("AKIDEXAMPLE");
    assertThat(r.region()).isEqualTo("us-east-1");
    assertThat(r.service()).isEqualTo("bedrock");
    assertThat(r.body()).contains("\"hello there\"");
    assertThat(r.httpVersion()).isEqualTo("HTTP/1.1");
  }

  @Test
  void rulesMatchOnModelSystemAndUserText() {
    ConverseResponse res = client.converse(SdkClients.converse("You extract data from resumes.", "Extract this"));

    assertThat(res.output().message().content().get(0).text()).isEqualTo("{\"name\": \"Ada\"}");
    assertThat(res.stopReason()).isEqualTo(StopReason.MAX_TOKENS);
    assertThat(res.usage().inputTokens()).isEqualTo(25);
    assertThat(res.usage().outputTokens()).isEqualTo(12);
    assertThat(res.usage().cacheReadInputTokens()).isEqualTo(7);
    assertThat(res.usage().cacheWriteInputTokens()).isEqualTo(3);
    assertThat(res.usage().totalTokens()).isEqualTo(47);

    ConverseResponse other = client.converse(SdkClients.converse("Something else.", "Extract this"));
    assertThat(other.output().message().content().get(0).text()).isEqualTo("Extract this");

    ConverseResponse titan = client.converse(SdkClients.converse(null, "x").toBuilder()
        .modelId("amazon.titan-text-express-v1").build());
    assertThat(titan.output().message().content().get(0).text()).isEqualTo("titan says hi");
  }

  @Test
  void controlOverridesStopReasonForEveryRequestUntilReset() {
    emulator.control("{\"stopReason\": \"guardrail_intervened\"}");
    assertThat(client.converse(SdkClients.converse(null, "a")).stopReason())
        .isEqualTo(StopReason.GUARDRAIL_INTERVENED);
    assertThat(client.converse(SdkClients.converse(null, "b")).stopReason())
        .isEqualTo(StopReason.GUARDRAIL_INTERVENED);

    emulator.reset();
    assertThat(emulator.journal().size()).isZero();
    assertThat(client.converse(SdkClients.converse(null, "c")).stopReason()).isEqualTo(StopReason.END_TURN);
  }

  @Test
  void inferenceProfileArnsArePercentEncodedAndDecoded() {
    String arn = "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-haiku-20240307-v1:0";
    client.converse(SdkClients.converse(null, "x").toBuilder().modelId(arn).build());
    RecordedRequest r = emulator.journal().last();
    assertThat(r.signatureValid()).isTrue();
    assertThat(r.path()).contains("inference-profile%2Fus.anthropic");
    assertThat(r.modelId()).isEqualTo(arn);
  }

  @Test
  void unknownStopReasonsPassThrough() {
    emulator.control("{\"stopReason\": \"model_context_window_exceeded_v9\"}");
    ConverseResponse res = client.converse(SdkClients.converse(null, "a"));
    assertThat(res.stopReasonAsString()).isEqualTo("model_context_window_exceeded_v9");
  }

  @Test
  void httpErrorFaultsBecomeTheMatchingSdkExceptions() {
    expectError(400, "ValidationException", ValidationException.class);
    expectError(403, "AccessDeniedException", AccessDeniedException.class);
    expectError(404, "ResourceNotFoundException", ResourceNotFoundException.class);
    expectError(408, "ModelTimeoutException", ModelTimeoutException.class);
    expectError(429, "ThrottlingException", ThrottlingException.class);
    expectError(500, "InternalServerException", InternalServerException.class);
    expectError(503, "ServiceUnavailableException", ServiceUnavailableException.class);
  }

  private void expectError(int status, String type, Class<? extends BedrockRuntimeException> expected) {
    emulator.control("{\"status\": " + status + ", \"errorType\": \"" + type + "\", \"errorMessage\": \"boom " + status
        + "\"}");
    assertThatThrownBy(() -> client.converse(SdkClients.converse(null, "x")))
        .isInstanceOf(expected)
        .satisfies(e -> {
          BedrockRuntimeException b = (BedrockRuntimeException) e;
          assertThat(b.statusCode()).isEqualTo(status);
          assertThat(b.awsErrorDetails().errorCode()).isEqualTo(type);
          assertThat(b.awsErrorDetails().errorMessage()).isEqualTo("boom " + status);
          assertThat(b.requestId()).isNotBlank();
        });
  }

  @Test
  void statusWithoutErrorTypeSendsNoErrorTypeHeader() {
    emulator.control("{\"status\": 500}");
    assertThatThrownBy(() -> client.converse(SdkClients.converse(null, "x")))
        .isInstanceOf(BedrockRuntimeException.class)
        .satisfies(e -> assertThat(((BedrockRuntimeException) e).statusCode()).isEqualTo(500));
  }

  @Test
  void errorFaultCanBeLimitedToTheFirstRequests() {
    emulator.control("{\"status\": 503, \"errorType\": \"ServiceUnavailableException\", \"times\": 1}");
    assertThatThrownBy(() -> client.converse(SdkClients.converse(null, "x")))
        .isInstanceOf(ServiceUnavailableException.class);
    assertThat(client.converse(SdkClients.converse(null, "y")).output().message().content().get(0).text())
        .isEqualTo("y");
  }

  @Test
  void notJsonBodyFailsTheSdkParse() {
    emulator.fault(Fault.notJson("<html>bad gateway</html>"));
    assertThatThrownBy(() -> client.converse(SdkClients.converse(null, "x"))).isInstanceOf(SdkClientException.class);
  }

  @Test
  void streamOnlyFaultsLeaveConverseRepliesNormal() {
    emulator.fault(Fault.streamException("throttlingException", "Too many tokens", 0));
    assertThat(client.converse(SdkClients.converse(null, "still fine")).output().message().content().get(0).text())
        .isEqualTo("still fine");
    emulator.fault(Fault.after(Fault.Kind.BAD_CRC, 0));
    assertThat(client.converse(SdkClients.converse(null, "also fine")).output().message().content().get(0).text())
        .isEqualTo("also fine");
  }

  @Test
  void rawBodyIsSentVerbatim() {
    String raw = "{\"output\":{\"message\":{\"role\":\"assistant\",\"content\":[]}},\"stopReason\":\"end_turn\","
        + "\"usage\":{\"inputTokens\":1,\"outputTokens\":0,\"totalTokens\":1},\"metrics\":{\"latencyMs\":1}}";
    emulator.control(new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("rawBody", raw).toString());
    ConverseResponse res = client.converse(SdkClients.converse(null, "x"));
    assertThat(res.output().message().content()).isEmpty();
    assertThat(res.usage().outputTokens()).isZero();
  }

  @Test
  void connectionResetAndTruncatedBodyFailTheCall() {
    emulator.fault(Fault.of(Fault.Kind.RESET));
    assertThatThrownBy(() -> client.converse(SdkClients.converse(null, "x"))).isInstanceOf(SdkClientException.class);
    emulator.fault(Fault.of(Fault.Kind.TRUNCATED_FRAME));
    assertThatThrownBy(() -> client.converse(SdkClients.converse(null, "x"))).isInstanceOf(SdkClientException.class);
    emulator.reset();
    assertThat(client.converse(SdkClients.converse(null, "ok")).output().message().content().get(0).text())
        .isEqualTo("ok");
  }

  @Test
  void stallAndDelayAreFeltByTheClient() {
    try (BedrockRuntimeClient impatient = BedrockRuntimeClient.builder().endpointOverride(emulator.uri())
        .region(software.amazon.awssdk.regions.Region.US_EAST_1).credentialsProvider(SdkClients.exampleKeys())
        .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create())
        .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofMillis(400)).retryStrategy(b -> b.maxAttempts(1)))
        .build()) {
      emulator.fault(Fault.of(Fault.Kind.STALL));
      assertThatThrownBy(() -> impatient.converse(SdkClients.converse(null, "x")))
          .isInstanceOf(ApiCallTimeoutException.class);
      emulator.control("{\"delayMs\": 250}");
      long start = System.nanoTime();
      client.converse(SdkClients.converse(null, "x"));
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
    }
  }
}
