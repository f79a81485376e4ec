package dev.baml4j.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.RoleCredentials;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;

/**
 * The SSO portal's GetRoleCredentials, called by the SDK's own SSO client, and the region that
 * instance metadata reports.
 */
class SsoPortalAndInstanceRegionTest {
  private BedrockEmulator emulator;

  @BeforeEach
  void start() {
    emulator = BedrockEmulator.builder().credentials(Credentials.defaults().withSsoAccessToken("sso-access-token")
        .withInstanceRegion("eu-central-1")).build().start();
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private SsoClient sso() {
    return SsoClient.builder().endpointOverride(emulator.uri()).region(Region.EU_WEST_1)
        .credentialsProvider(AnonymousCredentialsProvider.create()).httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(o -> o.retryStrategy(b -> b.maxAttempts(1))).build();
  }

  @Test
  void ssoPortalIssuesCredentialsBedrockAccepts() {
    RoleCredentials c;
    try (SsoClient sso = sso()) {
      c = sso.getRoleCredentials(r -> r.accountId("111122223333").roleName("Developer")
          .accessToken("sso-access-token")).roleCredentials();
    }
    assertThat(c.accessKeyId()).startsWith("ASIA");
    assertThat(c.sessionToken()).isNotBlank();
    assertThat(Instant.ofEpochMilli(c.expiration())).isAfter(Instant.now().plusSeconds(3000));
    RecordedRequest portal = emulator.journal().last();
    assertThat(portal.path()).startsWith("/federation/credentials?");
    assertThat(portal.path()).contains("account_id=111122223333").contains("role_name=Developer");
    assertThat(portal.rejection()).isNull();

    try (BedrockRuntimeClient client = SdkClients.sync(emulator.uri(), StaticCredentialsProvider.create(
        AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken())), Region.US_EAST_1)) {
      assertThat(client.converse(SdkClients.converse(null, "via sso")).output().message().content().get(0).text())
          .isEqualTo("via sso");
    }
    assertThat(emulator.journal().last().accessKeyId()).isEqualTo(c.accessKeyId());
    assertThat(emulator.journal().last().signatureValid()).isTrue();
  }

  @Test
  void ssoPortalRefusesAnotherBearerToken() {
    try (SsoClient sso = sso()) {
      assertThatThrownBy(() -> sso.getRoleCredentials(r -> r.accountId("111122223333").roleName("Developer")
          .accessToken("stale-token")))
          .isInstanceOfSatisfying(UnauthorizedException.class, e -> assertThat(e.statusCode()).isEqualTo(401));
    }
    assertThat(emulator.journal().last().rejection()).contains("x-amz-sso_bearer_token");
    assertThat(emulator.journal().last().toString()).doesNotContain("stale-token");
  }

  @Test
  void instanceMetadataReportsTheConfiguredRegionBehindAToken() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    URI region = emulator.uri().resolve("/latest/meta-data/placement/region");
    assertThat(http.send(HttpRequest.newBuilder(region).GET().build(), HttpResponse.BodyHandlers.ofString())
        .statusCode()).isEqualTo(401);
    String token = http.send(HttpRequest.newBuilder(emulator.uri().resolve("/latest/api/token"))
        .header("x-aws-ec2-metadata-token-ttl-seconds", "60").PUT(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(region).header("x-aws-ec2-metadata-token", token)
        .GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("eu-central-1");
  }

  @Test
  void credentialsFileKeysAndDefaults() {
    Credentials c = Credentials.fromJson("{\"ssoAccessToken\": \"t\", \"instanceRegion\": \"ap-south-1\"}", "test");
    assertThat(c.ssoAccessToken()).isEqualTo("t");
    assertThat(c.reportedInstanceRegion()).isEqualTo("ap-south-1");
    assertThat(c.toString()).doesNotContain("\"t\"").contains("ssoAccessToken=****");
    assertThat(Credentials.defaults().withRegion("us-west-2").reportedInstanceRegion()).isEqualTo("us-west-2");
    assertThat(Credentials.defaults().reportedInstanceRegion()).isEqualTo("us-east-1");
  }
}
