package dev.baml4j.bedrock.internal;

import dev.baml4j.BamlConfigException;
import dev.baml4j.lang.Diagnostic;
import dev.baml4j.types.SourceSpan;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsClientBuilder;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleWithWebIdentityCredentialsProvider;

/**
 * Picks a client's credential source in the documented order: explicit options → the
 * {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}/{@code AWS_SESSION_TOKEN} variables →
 * profile files ({@code profile} option, else {@code AWS_PROFILE}, else {@code default}) → web
 * identity → container → instance metadata. An explicit {@code profile} beats env keys. Every
 * variable is read from the client's env map, never from the process directly. The SDK providers
 * chosen here cache credentials and refresh them before they expire.
 */
public final class CredentialResolver {

    /** Providers that fetch (STS, SSO, IMDS, ...) are kept per source, so their caches survive across calls. */
    private static final Map<Object, AwsCredentialsProvider> PROVIDERS = new java.util.concurrent.ConcurrentHashMap<>();

    private CredentialResolver() {
    }

    private static AwsCredentialsProvider cached(Object key, java.util.function.Supplier<AwsCredentialsProvider> build) {
        return PROVIDERS.computeIfAbsent(key, k -> build.get());
    }

    public static CredentialSource resolve(BedrockOptions o, Map<String, String> env, String region) {
        if (o.accessKeyId() != null) {
            return statik("explicit options", o.accessKeyId(), o.secretAccessKey(), o.sessionToken(), true);
        }
        ProfileFiles files = ProfileFiles.from(env);
        if (o.profile() != null) {
            return profile(o.profile(), files, env, region, o.describeOption("profile"));
        }
        String keyId = nonEmpty(env.get("AWS_ACCESS_KEY_ID"));
        String secret = nonEmpty(env.get("AWS_SECRET_ACCESS_KEY"));
        String token = nonEmpty(env.get("AWS_SESSION_TOKEN"));
        if (keyId != null || secret != null || token != null) {
            if (keyId == null || secret == null) {
                throw new BamlConfigException(Diagnostic.error(SourceSpan.NONE, "client `" + o.clientName()
                        + "`: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY must be set together"
                        + (token != null ? " (AWS_SESSION_TOKEN needs both)" : ""),
                        "set the missing variable, or unset them all to use a profile or instance credentials"));
            }
            return statik("environment variables AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY", keyId, new Secret(secret),
                    token == null ? null : new Secret(token), false);
        }
        String envProfile = nonEmpty(env.get("AWS_PROFILE"));
        if (envProfile != null) {
            return profile(envProfile, files, env, region, "AWS_PROFILE");
        }
        if (files.profile("default").isPresent()) {
            return profile("default", files, env, region, "the default profile");
        }
        String tokenFile = nonEmpty(env.get("AWS_WEB_IDENTITY_TOKEN_FILE"));
        String roleArn = nonEmpty(env.get("AWS_ROLE_ARN"));
        if (tokenFile != null && roleArn != null) {
            String session = Optional.ofNullable(nonEmpty(env.get("AWS_ROLE_SESSION_NAME"))).orElse("baml4j-" + UUID.randomUUID());
            Object key = List.of("web-identity", tokenFile, roleArn, String.valueOf(stsEndpoint(env)), String.valueOf(region));
            AwsCredentialsProvider p = cached(key, () -> StsAssumeRoleWithWebIdentityCredentialsProvider.builder()
                    .stsClient(sts(env, region, AnonymousCredentialsProvider.create()))
                    .refreshRequest(() -> webIdentityRequest(tokenFile, roleArn, session)).build());
            return new CredentialSource("web identity (AWS_WEB_IDENTITY_TOKEN_FILE, role " + roleArn + ")", key, p, false);
        }
        String fullUri = nonEmpty(env.get("AWS_CONTAINER_CREDENTIALS_FULL_URI"));
        String relUri = nonEmpty(env.get("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"));
        if (fullUri != null || relUri != null) {
            Object key = List.of("container", String.valueOf(fullUri), String.valueOf(relUri));
            AwsCredentialsProvider p = cached(key, () -> new ContainerCredentials(env));
            return new CredentialSource("container credentials", key, p, false);
        }
        if (!"true".equalsIgnoreCase(env.get("AWS_EC2_METADATA_DISABLED"))) {
            String endpoint = nonEmpty(env.get("AWS_EC2_METADATA_SERVICE_ENDPOINT"));
            Object key = List.of("imds", String.valueOf(endpoint));
            AwsCredentialsProvider p = cached(key, () -> new InstanceMetadataCredentials(env));
            return new CredentialSource("instance metadata (IMDSv2)", key, p, false);
        }
        String message = "no AWS credentials found for client `" + o.clientName() + "`: no access_key_id option, "
                + "no AWS_ACCESS_KEY_ID, no profile in " + files + ", no web identity or container credentials, "
                + "and instance metadata is disabled (AWS_EC2_METADATA_DISABLED)";
        return new CredentialSource("none", List.of("none"), () -> {
            throw SdkClientException.create(message);
        }, false);
    }

    private static CredentialSource statik(String description, String keyId, Secret secret, Secret token, boolean explicit) {
        AwsCredentialsProvider p = StaticCredentialsProvider.create(token == null
                ? AwsBasicCredentials.create(keyId, secret.reveal())
                : AwsSessionCredentials.create(keyId, secret.reveal(), token.reveal()));
        return new CredentialSource(description + " (key id " + keyId + ")",
                List.of("static", keyId, secret, token == null ? "" : token), p, explicit);
    }

    /**
     * A named profile. Static keys and {@code credential_process} go through the SDK's
     * {@link ProfileCredentialsProvider}; {@code role_arn} + {@code source_profile} is assumed here with
     * an STS client, and SSO profiles get the SDK's SSO provider with a portal client, whose endpoint
     * and region (and, for SSO, the token cache's home) come from the client's env, which the SDK's
     * own factories would read from the process instead.
     */
    private static CredentialSource profile(String name, ProfileFiles files, Map<String, String> env, String region, String origin) {
        Optional<Profile> profile = files.profile(name);
        if (profile.isEmpty()) {
            String message = "AWS profile `" + name + "` (from " + origin + ") was not found in " + files;
            return new CredentialSource("profile " + name + " (missing)", List.of("missing-profile", name, files), () -> {
                throw SdkClientException.create(message + "; create it (aws configure --profile " + name
                        + ") or point AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE at the right files");
            }, true);
        }
        Optional<String> roleArn = profile.get().property("role_arn");
        Optional<String> source = profile.get().property("source_profile");
        if (roleArn.isPresent() && source.isPresent() && !source.get().equals(name)) {
            CredentialSource parent = profile(source.get(), files, env, region, "source_profile of " + name);
            String session = profile.get().property("role_session_name").orElse("baml4j-" + UUID.randomUUID());
            Optional<String> externalId = profile.get().property("external_id");
            Object key = List.of("assume-role", name, files, parent.key(), String.valueOf(stsEndpoint(env)), String.valueOf(region));
            AwsCredentialsProvider p = cached(key, () -> StsAssumeRoleCredentialsProvider.builder()
                    .stsClient(sts(env, region, parent.provider())).refreshRequest(r -> {
                        r.roleArn(roleArn.get()).roleSessionName(session);
                        externalId.ifPresent(r::externalId);
                        profile.get().property("duration_seconds").map(Integer::valueOf).ifPresent(r::durationSeconds);
                    }).build());
            return new CredentialSource("profile " + name + " (assume role " + roleArn.get() + ")", key, p, true);
        }
        if (SsoCredentials.isSso(profile.get())) {
            return sso(name, profile.get(), files, env);
        }
        Object key = List.of("profile", name, files);
        AwsCredentialsProvider p = cached(key, () -> ProfileCredentialsProvider.builder().profileFile(files.load())
                .profileName(name).build());
        return new CredentialSource("profile " + name + " from " + files, key, p, true);
    }

    private static CredentialSource sso(String name, Profile profile, ProfileFiles files, Map<String, String> env) {
        SsoCredentials.Settings settings;
        try {
            settings = SsoCredentials.settings(profile, files.load(), env);
        } catch (SdkClientException e) {
            // A half-configured SSO profile fails when credentials are needed, like a missing profile.
            String message = e.getMessage();
            return new CredentialSource("profile " + name + " (SSO, misconfigured)", List.of("bad-sso", name, files, message),
                    () -> {
                        throw SdkClientException.create(message);
                    }, true);
        }
        Object key = SsoCredentials.key(settings, env);
        AwsCredentialsProvider p = cached(key, () -> SsoCredentials.provider(settings, env));
        return new CredentialSource("profile " + name + " (SSO, account " + settings.accountId() + ", role "
                + settings.roleName() + ")", key, p, true);
    }

    private static software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityRequest webIdentityRequest(
            String tokenFile, String roleArn, String session) {
        try {
            String token = Files.readString(Path.of(tokenFile)).trim();
            return software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityRequest.builder()
                    .roleArn(roleArn).roleSessionName(session).webIdentityToken(token).build();
        } catch (java.io.IOException e) {
            throw SdkClientException.create("cannot read AWS_WEB_IDENTITY_TOKEN_FILE " + tokenFile + ": " + e.getMessage());
        }
    }

    private static StsClient sts(Map<String, String> env, String region, AwsCredentialsProvider credentials) {
        StsClientBuilder b = StsClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(credentials).region(Region.of(region == null ? "us-east-1" : region));
        URI endpoint = stsEndpoint(env);
        if (endpoint != null) {
            b.endpointOverride(endpoint);
        }
        return b.build();
    }

    static URI stsEndpoint(Map<String, String> env) {
        String e = nonEmpty(env.get("AWS_ENDPOINT_URL_STS"));
        if (e == null) {
            e = nonEmpty(env.get("AWS_ENDPOINT_URL"));
        }
        return e == null ? null : URI.create(e);
    }

    static String nonEmpty(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
