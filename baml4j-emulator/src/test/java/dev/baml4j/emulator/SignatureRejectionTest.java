package dev.baml4j.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.BedrockRuntimeException;

/** Requests the emulator must refuse the way AWS does: 403 with {@code x-amzn-errortype}. */
class SignatureRejectionTest {
  private BedrockEmulator emulator;

  @AfterEach
  void stop() {
    if (emulator != null) {
      emulator.close();
    }
  }

  private void assertRejected(BedrockRuntimeClient client, String errorType) {
    try (client) {
      assertThatThrownBy(() -> client.converse(SdkClients.converse(null, "x")))
          .isInstanceOf(BedrockRuntimeException.class)
          .satisfies(e -> {
            BedrockRuntimeException b = (BedrockRuntimeException) e;
            assertThat(b.statusCode()).isEqualTo(403);
            assertThat(b.awsErrorDetails().errorCode()).isEqualTo(errorType);
          });
    }
    RecordedRequest r = emulator.journal().last();
    assertThat(r.signatureValid()).isFalse();
    assertThat(r.rejection()).startsWith(errorType);
  }

  @Test
  void wrongSecretIsAnInvalidSignature() {
    emulator = BedrockEmulator.builder().build().start();
    assertRejected(SdkClients.sync(emulator.uri(), StaticCredentialsProvider.create(
        AwsBasicCredentials.create("AKIDEXAMPLE", "not-the-secret")), Region.US_EAST_1), "InvalidSignatureException");
  }

  @Test
  void unknownKeyIsAnUnrecognizedClient() {
    emulator = BedrockEmulator.builder().build().start();
    assertRejected(SdkClients.sync(emulator.uri(), StaticCredentialsProvider.create(
        AwsBasicCredentials.create("AKIAUNKNOWN", "whatever")), Region.US_EAST_1), "UnrecognizedClientException");
  }

  @Test
  void wrongRegionIsRejectedWhenARegionIsConfigured() {
    emulator = BedrockEmulator.builder().credentials(Credentials.defaults().withRegion("us-west-2")).build().start();
    assertRejected(SdkClients.sync(emulator.uri(), SdkClients.exampleKeys(), Region.US_EAST_1),
        "InvalidSignatureException");
    try (BedrockRuntimeClient ok = SdkClients.sync(emulator.uri(), SdkClients.exampleKeys(), Region.US_WEST_2)) {
      assertThat(ok.converse(SdkClients.converse(null, "fine")).output().message().content().get(0).text())
          .isEqualTo("fine");
    }
  }

  @Test
  void sessionTokenIsRequiredAndChecked() {
    emulator = BedrockEmulator.builder().credentials(Credentials.of(
        new Credentials.Key("ASIATEMPEXAMPLE", "temp-secret", "the-token"))).build().start();
    assertRejected(SdkClients.sync(emulator.uri(), StaticCredentialsProvider.create(
        AwsBasicCredentials.create("ASIATEMPEXAMPLE", "temp-secret")), Region.US_EAST_1),
        "UnrecognizedClientException");
    assertRejected(SdkClients.sync(emulator.uri(), StaticCredentialsProvider.create(
        AwsSessionCredentials.create("ASIATEMPEXAMPLE", "temp-secret", "stale-token")), Region.US_EAST_1),
        "UnrecognizedClientException");
    try (BedrockRuntimeClient ok = SdkClients.sync(emulator.uri(), StaticCredentialsProvider.create(
        AwsSessionCredentials.create("ASIATEMPEXAMPLE", "temp-secret", "the-token")), Region.US_EAST_1)) {
      ok.converse(SdkClients.converse(null, "x"));
    }
    assertThat(emulator.journal().last().signatureValid()).isTrue();
    assertThat(emulator.journal().last().hasSessionToken()).isTrue();
    assertThat(emulator.journal().last().toString()).doesNotContain("the-token");
  }

  @Test
  void anyAccessKeyModeStillChecksTheSecret() {
    emulator = BedrockEmulator.builder().credentials(Credentials.defaults()
        .withAnyAccessKeySecret(Credentials.EXAMPLE_SECRET_ACCESS_KEY)).build().start();
    try (BedrockRuntimeClient ok = SdkClients.sync(emulator.uri(), StaticCredentialsProvider.create(
        AwsBasicCredentials.create("AKIAENVEXAMPLE", Credentials.EXAMPLE_SECRET_ACCESS_KEY)), Region.US_EAST_1)) {
      ok.converse(SdkClients.converse(null, "x"));
    }
    assertThat(emulator.journal().last().accessKeyId()).isEqualTo("AKIAENVEXAMPLE");
    assertThat(emulator.journal().last().signatureValid()).isTrue();
    assertRejected(SdkClients.sync(emulator.uri(), StaticCredentialsProvider.create(
        AwsBasicCredentials.create("AKIAENVEXAMPLE", "other-secret")), Region.US_EAST_1), "InvalidSignatureException");
  }

  @Test
  void requestSignedForAnotherServiceIsRejected() throws Exception {
    emulator = BedrockEmulator.builder().build().start();
    String body = "{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"x\"}]}]}";
    SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST)
        .uri(emulator.uri().resolve("/model/m/converse"))
        .putHeader("content-type", "application/json")
        .putHeader("content-length", String.valueOf(body.length()))
        .build();
    SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
        .identity(AwsCredentialsIdentity.create(Credentials.EXAMPLE_ACCESS_KEY_ID,
            Credentials.EXAMPLE_SECRET_ACCESS_KEY))
        .request(request)
        .payload(ContentStreamProvider.fromUtf8String(body))
        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "bedrock-runtime")
        .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1"));
    HttpRequest.Builder http = HttpRequest.newBuilder(emulator.uri().resolve("/model/m/converse"))
        .POST(HttpRequest.BodyPublishers.ofString(body));
    for (Map.Entry<String, List<String>> h : signed.request().headers().entrySet()) {
      if (!h.getKey().equalsIgnoreCase("host") && !h.getKey().equalsIgnoreCase("content-length")) {
        h.getValue().forEach(v -> http.header(h.getKey(), v));
      }
    }
    HttpResponse<String> res = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
        .send(http.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(res.statusCode()).isEqualTo(403);
    assertThat(res.headers().firstValue("x-amzn-errortype")).hasValueSatisfying(
        v -> assertThat(v).startsWith("InvalidSignatureException"));
    assertThat(res.body()).contains("Credential should be scoped to correct service: 'bedrock'");
  }

  @Test
  void requestWithoutSignatureIsRejected() throws Exception {
    emulator = BedrockEmulator.builder().build().start();
    HttpResponse<String> res = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
        HttpRequest.newBuilder(emulator.uri().resolve("/model/m/converse"))
            .POST(HttpRequest.BodyPublishers.ofString("{\"messages\":[]}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(res.statusCode()).isEqualTo(403);
    assertThat(res.headers().firstValue("x-amzn-errortype")).hasValueSatisfying(
        v -> assertThat(v).startsWith("MissingAuthenticationTokenException"));
  }
}
