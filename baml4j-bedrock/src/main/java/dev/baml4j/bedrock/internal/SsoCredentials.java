package dev.baml4j.bedrock.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.SsoClientBuilder;
import software.amazon.awssdk.services.sso.auth.SsoCredentialsProvider;
import software.amazon.awssdk.services.sso.model.GetRoleCredentialsRequest;

/**
 * SSO (IAM Identity Center) profiles: {@code sso_session} + {@code sso_account_id} +
 * {@code sso_role_name}, or the legacy {@code sso_start_url} + {@code sso_region} in the profile.
 * The SDK's {@link SsoCredentialsProvider} fetches, caches and refreshes the role credentials; what
 * it is given comes from the client's env map, which the SDK's profile factory would read from the
 * process instead: the portal endpoint ({@code AWS_ENDPOINT_URL_SSO}, else {@code AWS_ENDPOINT_URL})
 * and the cached token under {@code $HOME/.aws/sso/cache/<sha1>.json} (what {@code aws sso login}
 * writes; the file name is the SHA-1 of the session name, or of the start URL for legacy profiles).
 */
final class SsoCredentials {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What an SSO profile names, resolved through its {@code [sso-session]} section when it has one. */
    record Settings(String profileName, String accountId, String roleName, String region, String startUrl,
            String cacheKey, Path tokenFile) {
    }

    private SsoCredentials() {
    }

    static boolean isSso(Profile p) {
        return p.property("sso_session").isPresent() || p.property("sso_start_url").isPresent()
                || p.property("sso_account_id").isPresent();
    }

    static Settings settings(Profile p, ProfileFile file, Map<String, String> env) {
        Optional<String> sessionName = p.property("sso_session");
        Profile source = p;
        if (sessionName.isPresent()) {
            source = file.getSection("sso-session", sessionName.get()).orElseThrow(() -> SdkClientException.create(
                    "AWS profile `" + p.name() + "` names sso_session " + sessionName.get()
                            + " but there is no [sso-session " + sessionName.get() + "] section in the config file"));
        }
        String account = require(p, p, "sso_account_id");
        String role = require(p, p, "sso_role_name");
        String region = require(p, source, "sso_region");
        String startUrl = require(p, source, "sso_start_url");
        String cacheKey = sessionName.orElse(startUrl);
        String home = ProfileFiles.home(env);
        if (home == null) {
            throw SdkClientException.create("AWS profile `" + p.name() + "` uses SSO, but there is no HOME to find "
                    + "the cached SSO token (.aws/sso/cache) in");
        }
        Path tokenFile = Path.of(home, ".aws", "sso", "cache", sha1Hex(cacheKey) + ".json");
        return new Settings(p.name(), account, role, region, startUrl, cacheKey, tokenFile);
    }

    static AwsCredentialsProvider provider(Settings s, Map<String, String> env) {
        SsoClientBuilder b = SsoClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(AnonymousCredentialsProvider.create()).region(Region.of(s.region()));
        URI endpoint = endpoint(env);
        if (endpoint != null) {
            b.endpointOverride(endpoint);
        }
        // Typed as the public Builder: builder()'s declared type is the SDK's inaccessible BuilderImpl.
        SsoCredentialsProvider.Builder provider = SsoCredentialsProvider.builder();
        return provider.ssoClient(b.build()).refreshRequest(() -> GetRoleCredentialsRequest.builder()
                .accountId(s.accountId()).roleName(s.roleName()).accessToken(accessToken(s)).build()).build();
    }

    /** Identifies the source for client reuse: the same profile, token file and portal share one provider. */
    static Object key(Settings s, Map<String, String> env) {
        return List.of("sso", s.profileName(), s.accountId(), s.roleName(), s.region(), s.tokenFile().toString(),
                String.valueOf(endpoint(env)));
    }

    static URI endpoint(Map<String, String> env) {
        String e = CredentialResolver.nonEmpty(env.get("AWS_ENDPOINT_URL_SSO"));
        if (e == null) {
            e = CredentialResolver.nonEmpty(env.get("AWS_ENDPOINT_URL"));
        }
        return e == null ? null : URI.create(e);
    }

    /**
     * Reads the cached access token each time the role credentials are refreshed, so a fresh
     * {@code aws sso login} is picked up. The token itself never appears in a message.
     */
    static String accessToken(Settings s) {
        String login = "run `aws sso login " + (s.cacheKey().equals(s.startUrl()) ? "--profile " + s.profileName()
                : "--sso-session " + s.cacheKey()) + "`";
        JsonNode token;
        try {
            token = JSON.readTree(Files.readString(s.tokenFile(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw SdkClientException.create("no cached SSO token for AWS profile `" + s.profileName() + "` at "
                    + s.tokenFile() + " (" + e.getClass().getSimpleName() + "); " + login);
        }
        String value = token.path("accessToken").asText("");
        String expiresAt = token.path("expiresAt").asText("");
        if (value.isEmpty() || expiresAt.isEmpty()) {
            throw SdkClientException.create("the cached SSO token " + s.tokenFile() + " has no accessToken or "
                    + "expiresAt; " + login);
        }
        Instant expiry;
        try {
            // Older CLIs wrote "2019-11-14T04:05:45UTC" rather than ISO-8601's "Z".
            expiry = Instant.parse(expiresAt.endsWith("UTC") ? expiresAt.substring(0, expiresAt.length() - 3) + "Z"
                    : expiresAt);
        } catch (DateTimeParseException e) {
            throw SdkClientException.create("the cached SSO token " + s.tokenFile() + " has an unreadable expiresAt `"
                    + expiresAt + "`; " + login);
        }
        if (!Instant.now().isBefore(expiry)) {
            throw SdkClientException.create("the cached SSO token for AWS profile `" + s.profileName() + "` expired at "
                    + expiry + "; " + login);
        }
        return value;
    }

    private static String require(Profile profile, Profile source, String property) {
        return source.property(property).map(String::trim).filter(v -> !v.isEmpty())
                .orElseThrow(() -> SdkClientException.create("AWS SSO profile `" + profile.name() + "` has no "
                        + property + (source == profile ? "" : " (looked in [sso-session " + source.name() + "])")
                        + "; set it (aws configure sso --profile " + profile.name() + ")"));
    }

    static String sha1Hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is a required JDK algorithm", e);
        }
    }
}
