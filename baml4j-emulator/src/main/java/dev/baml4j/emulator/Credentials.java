package dev.baml4j.emulator;

import dev.baml4j.emulator.internal.RulesJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Who may call the emulator, and what its credential endpoints hand out.
 *
 * <p>{@link #defaults()} accepts the AWS documentation example key pair ({@code AKIDEXAMPLE}),
 * with or without a session token, signed for any region.
 *
 * <pre>{@code
 * Credentials.of(new Credentials.Key("AKIAEXAMPLE2", "secret2", null)).withRegion("us-west-2");
 * }</pre>
 *
 * @param keys accepted key pairs
 * @param region the only region accepted in signatures ({@code null}: any)
 * @param service the signing name requests to Bedrock must use (normally {@code bedrock})
 * @param containerAuthorizationToken the {@code Authorization} value the container credentials
 *     endpoint requires ({@code null}: none required)
 * @param webIdentityToken the only web identity token STS accepts ({@code null}: any non-empty)
 * @param roles role ARNs STS may assume ({@code null} or empty: any), with their external ids
 * @param anyAccessKeySecret when set, an access key id not in {@code keys} is still accepted if the
 *     request is signed with this secret (how the conformance stub behaved); {@code null}: unknown
 *     keys are rejected
 * @param ssoAccessToken the only bearer token the SSO portal endpoint accepts ({@code null}: any
 *     non-empty)
 * @param instanceRegion the region instance metadata reports ({@code null}: {@code region}, else
 *     {@code us-east-1})
 */
public record Credentials(
    List<Key> keys,
    String region,
    String service,
    String containerAuthorizationToken,
    String webIdentityToken,
    List<Role> roles,
    String anyAccessKeySecret,
    String ssoAccessToken,
    String instanceRegion) {

  /** The AWS documentation example access key id. */
  public static final String EXAMPLE_ACCESS_KEY_ID = "AKIDEXAMPLE";
  /** The AWS documentation example secret access key. */
  public static final String EXAMPLE_SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

  public Credentials {
    keys = List.copyOf(keys);
    roles = roles == null ? List.of() : List.copyOf(roles);
    if (service == null) {
      service = "bedrock";
    }
  }

  /**
   * An accepted key pair.
   *
   * @param accessKeyId the access key id
   * @param secretAccessKey its secret
   * @param sessionToken the session token requests must carry ({@code null}: not checked)
   */
  public record Key(String accessKeyId, String secretAccessKey, String sessionToken) {
    public Key {
      if (accessKeyId == null || secretAccessKey == null) {
        throw new IllegalArgumentException("a key needs both accessKeyId and secretAccessKey");
      }
    }

    @Override
    public String toString() {
      return "Key[accessKeyId=" + accessKeyId + ", secretAccessKey=****, sessionToken="
          + (sessionToken == null ? "none" : "****") + "]";
    }
  }

  /**
   * A role STS may assume.
   *
   * @param arn the role ARN
   * @param externalId the external id AssumeRole must pass ({@code null}: not checked)
   */
  public record Role(String arn, String externalId) {}

  /** Accepts the AWS documentation example keys, any region. */
  public static Credentials defaults() {
    return of(new Key(EXAMPLE_ACCESS_KEY_ID, EXAMPLE_SECRET_ACCESS_KEY, null));
  }

  public static Credentials of(Key... keys) {
    return new Credentials(List.of(keys), null, "bedrock", null, null, List.of(), null, null, null);
  }

  public Credentials withRegion(String value) {
    return new Credentials(keys, value, service, containerAuthorizationToken, webIdentityToken, roles,
        anyAccessKeySecret, ssoAccessToken, instanceRegion);
  }

  public Credentials withService(String value) {
    return new Credentials(keys, region, value, containerAuthorizationToken, webIdentityToken, roles,
        anyAccessKeySecret, ssoAccessToken, instanceRegion);
  }

  public Credentials withContainerAuthorizationToken(String value) {
    return new Credentials(keys, region, service, value, webIdentityToken, roles,
        anyAccessKeySecret, ssoAccessToken, instanceRegion);
  }

  public Credentials withWebIdentityToken(String value) {
    return new Credentials(keys, region, service, containerAuthorizationToken, value, roles,
        anyAccessKeySecret, ssoAccessToken, instanceRegion);
  }

  public Credentials withRoles(List<Role> value) {
    return new Credentials(keys, region, service, containerAuthorizationToken, webIdentityToken, value,
        anyAccessKeySecret, ssoAccessToken, instanceRegion);
  }

  /**
   * Also accepts any access key id signed with {@code secret} (no session token check), e.g.
   * {@code Credentials.defaults().withAnyAccessKeySecret(EXAMPLE_SECRET_ACCESS_KEY)}.
   */
  public Credentials withAnyAccessKeySecret(String secret) {
    return new Credentials(keys, region, service, containerAuthorizationToken, webIdentityToken, roles, secret,
        ssoAccessToken, instanceRegion);
  }

  public Credentials withSsoAccessToken(String value) {
    return new Credentials(keys, region, service, containerAuthorizationToken, webIdentityToken, roles,
        anyAccessKeySecret, value, instanceRegion);
  }

  public Credentials withInstanceRegion(String value) {
    return new Credentials(keys, region, service, containerAuthorizationToken, webIdentityToken, roles,
        anyAccessKeySecret, ssoAccessToken, value);
  }

  /** The region instance metadata reports: {@code instanceRegion}, else {@code region}, else us-east-1. */
  public String reportedInstanceRegion() {
    return instanceRegion != null ? instanceRegion : region != null ? region : "us-east-1";
  }

  /** Parses a credentials file's JSON; {@code source} names it in error messages. */
  public static Credentials fromJson(String json, String source) {
    return RulesJson.parseCredentials(json, source);
  }

  public static Credentials load(Path file) throws IOException {
    return fromJson(Files.readString(file), file.toString());
  }

  @Override
  public String toString() {
    return "Credentials[keys=" + keys + ", region=" + (region == null ? "any" : region)
        + ", service=" + service + ", containerAuthorizationToken="
        + (containerAuthorizationToken == null ? "none" : "****") + ", webIdentityToken="
        + (webIdentityToken == null ? "any" : "****") + ", roles=" + roles + ", anyAccessKeySecret="
        + (anyAccessKeySecret == null ? "none" : "****") + ", ssoAccessToken="
        + (ssoAccessToken == null ? "any" : "****") + ", instanceRegion=" + reportedInstanceRegion() + "]";
  }
}
