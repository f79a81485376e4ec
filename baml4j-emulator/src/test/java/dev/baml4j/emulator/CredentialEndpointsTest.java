package dev.baml4j.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.InstanceProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.BedrockRuntimeException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * Temporary credentials from the emulator's STS, container and IMDS endpoints, resolved by the
 * SDK's own providers and then accepted by the Bedrock endpoint with their session token.
 */
class CredentialEndpointsTest {
  private static final String ROLE = "arn:aws:iam::123456789012:role/cross-account";
  private BedrockEmulator emulator;

  @BeforeEach
  void start() {
    emulator = BedrockEmulator.builder().credentials(dev.baml4j.emulator.Credentials.defaults()
        .withRoles(List.of(new dev.baml4j.emulator.Credentials.Role(ROLE, "ext-123")))
        .withWebIdentityToken("oidc-token")
        .withContainerAuthorizationToken("container-secret")).build().start();
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private StsClient sts(AwsCredentialsProvider creds) {
    return StsClient.builder().endpointOverride(emulator.uri()).region(Region.US_EAST_1).credentialsProvider(creds)
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(o -> o.retryStrategy(b -> b.maxAttempts(1))).build();
  }

  private String converseWith(AwsCredentialsProvider creds) {
    try (BedrockRuntimeClient client = SdkClients.sync(emulator.uri(), creds, Region.US_EAST_1)) {
      return client.converse(SdkClients.converse(null, "with temp creds")).output().message().content().get(0).text();
    }
  }

  @Test
  void assumeRoleIssuesCredentialsBedrockAccepts() {
    Credentials temp;
    try (StsClient sts = sts(SdkClients.exampleKeys())) {
      temp = sts.assumeRole(r -> r.roleArn(ROLE).roleSessionName("test").externalId("ext-123")).credentials();
    }
    assertThat(temp.accessKeyId()).startsWith("ASIA");
    assertThat(temp.sessionToken()).isNotBlank();
    assertThat(emulator.journal().last().signatureValid()).isTrue();
    assertThat(emulator.journal().last().service()).isEqualTo("sts");

    assertThat(converseWith(StaticCredentialsProvider.create(
        AwsSessionCredentials.create(temp.accessKeyId(), temp.secretAccessKey(), temp.sessionToken()))))
        .isEqualTo("with temp creds");
    assertThat(emulator.journal().last().accessKeyId()).isEqualTo(temp.accessKeyId());
    assertThat(emulator.journal().last().hasSessionToken()).isTrue();

    assertThatThrownBy(() -> converseWith(StaticCredentialsProvider.create(
        AwsBasicCredentials.create(temp.accessKeyId(), temp.secretAccessKey()))))
        .isInstanceOf(BedrockRuntimeException.class)
        .satisfies(e -> assertThat(((BedrockRuntimeException) e).awsErrorDetails().errorCode())
            .isEqualTo("UnrecognizedClientException"));
  }

  @Test
  void expiredTemporaryCredentialsAreRejected() throws Exception {
    emulator.close();
    emulator = BedrockEmulator.builder().temporaryCredentialsLifetime(java.time.Duration.ofSeconds(3)).build()
        .start();
    Credentials[] temp = new Credentials[1];
    AwsCredentialsProvider creds = () -> AwsSessionCredentials.create(temp[0].accessKeyId(),
        temp[0].secretAccessKey(), temp[0].sessionToken());
    // The Bedrock client is built first: on a busy machine building it can take longer than a second.
    try (BedrockRuntimeClient client = SdkClients.sync(emulator.uri(), creds, Region.US_EAST_1);
        StsClient sts = sts(SdkClients.exampleKeys())) {
      temp[0] = sts.assumeRole(r -> r.roleArn(ROLE).roleSessionName("short")).credentials();
      long issued = System.nanoTime();
      client.converse(SdkClients.converse(null, "fresh"));
      assertThat(System.nanoTime() - issued).as("first call within the lifetime").isLessThan(3_000_000_000L);
      Thread.sleep(3_200);
      assertThatThrownBy(() -> client.converse(SdkClients.converse(null, "stale")))
          .isInstanceOf(BedrockRuntimeException.class)
          .satisfies(e -> assertThat(((BedrockRuntimeException) e).awsErrorDetails().errorCode())
              .isEqualTo("ExpiredTokenException"));
    }
  }

  @Test
  void assumeRoleProviderWithExternalIdWorksEndToEnd() {
    try (StsClient sts = sts(SdkClients.exampleKeys());
        StsAssumeRoleCredentialsProvider provider = StsAssumeRoleCredentialsProvider.builder().stsClient(sts)
            .refreshRequest(r -> r.roleArn(ROLE).roleSessionName("baml").externalId("ext-123")).build()) {
      assertThat(converseWith(provider)).isEqualTo("with temp creds");
    }
  }

  @Test
  void assumeRoleChecksRoleExternalIdAndCallerSignature() {
    try (StsClient sts = sts(SdkClients.exampleKeys())) {
      assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn(ROLE).roleSessionName("s").externalId("wrong")))
          .isInstanceOf(StsException.class)
          .satisfies(e -> assertThat(((StsException) e).awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
      assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn("arn:aws:iam::123456789012:role/other")
          .roleSessionName("s"))).isInstanceOf(StsException.class);
    }
    try (StsClient sts = sts(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "bad")))) {
      assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn(ROLE).roleSessionName("s").externalId("ext-123")))
          .isInstanceOf(StsException.class)
          .satisfies(e -> assertThat(((StsException) e).awsErrorDetails().errorCode())
              .isEqualTo("SignatureDoesNotMatch"));
    }
  }

  @Test
  void assumeRoleWithWebIdentityChecksTheToken() {
    try (StsClient sts = sts(SdkClients.exampleKeys())) {
      Credentials temp = sts.assumeRoleWithWebIdentity(r -> r.roleArn(ROLE).roleSessionName("irsa")
          .webIdentityToken("oidc-token")).credentials();
      assertThat(converseWith(StaticCredentialsProvider.create(
          AwsSessionCredentials.create(temp.accessKeyId(), temp.secretAccessKey(), temp.sessionToken()))))
          .isEqualTo("with temp creds");
      assertThatThrownBy(() -> sts.assumeRoleWithWebIdentity(r -> r.roleArn(ROLE).roleSessionName("irsa")
          .webIdentityToken("forged")))
          .isInstanceOf(StsException.class)
          .satisfies(e -> assertThat(((StsException) e).awsErrorDetails().errorCode())
              .isEqualTo("InvalidIdentityToken"));
    }
  }

  @Test
  void containerCredentialsNeedTheAuthorizationToken() {
    String[] props = {"aws.containerCredentialsFullUri", "aws.containerAuthorizationToken",
        "aws.containerCredentialsPath"};
    String[] saved = new String[props.length];
    for (int i = 0; i < props.length; i++) {
      saved[i] = System.getProperty(props[i]);
    }
    try {
      System.clearProperty("aws.containerCredentialsPath");
      System.setProperty("aws.containerCredentialsFullUri", emulator.containerCredentialsUri().toString());
      System.setProperty("aws.containerAuthorizationToken", "container-secret");
      try (ContainerCredentialsProvider provider = ContainerCredentialsProvider.builder().build()) {
        AwsCredentials creds = provider.resolveCredentials();
        assertThat(creds).isInstanceOf(AwsSessionCredentials.class);
        assertThat(emulator.journal().last().header("authorization")).isEqualTo("container-secret");
        assertThat(converseWith(StaticCredentialsProvider.create(creds))).isEqualTo("with temp creds");
      }
      System.setProperty("aws.containerAuthorizationToken", "wrong");
      try (ContainerCredentialsProvider provider = ContainerCredentialsProvider.builder().build()) {
        assertThatThrownBy(provider::resolveCredentials).isInstanceOf(SdkClientException.class);
      }
    } finally {
      for (int i = 0; i < props.length; i++) {
        if (saved[i] == null) {
          System.clearProperty(props[i]);
        } else {
          System.setProperty(props[i], saved[i]);
        }
      }
    }
  }

  @Test
  void instanceMetadataV2IssuesRoleCredentials() {
    String saved = System.getProperty("aws.disableEc2Metadata");
    System.setProperty("aws.disableEc2Metadata", "false");
    try (InstanceProfileCredentialsProvider provider = InstanceProfileCredentialsProvider.builder()
        .endpoint(emulator.uri().toString())
        .profileFile(ProfileFile.builder().content(new java.io.ByteArrayInputStream(new byte[0]))
            .type(ProfileFile.Type.CONFIGURATION).build())
        .build()) {
      AwsCredentials creds = provider.resolveCredentials();
      assertThat(creds).isInstanceOf(AwsSessionCredentials.class);
      assertThat(emulator.journal().requests("/latest/api/token")).isNotEmpty()
          .allSatisfy(r -> assertThat(r.method()).isEqualTo("PUT"));
      assertThat(converseWith(StaticCredentialsProvider.create(creds))).isEqualTo("with temp creds");
    } finally {
      if (saved == null) {
        System.clearProperty("aws.disableEc2Metadata");
      } else {
        System.setProperty("aws.disableEc2Metadata", saved);
      }
    }
  }
}
