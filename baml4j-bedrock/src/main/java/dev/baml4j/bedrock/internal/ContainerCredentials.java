package dev.baml4j.bedrock.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.utils.cache.CachedSupplier;
import software.amazon.awssdk.utils.cache.RefreshResult;

/**
 * ECS / EKS Pod Identity container credentials, located through the client's env map
 * ({@code AWS_CONTAINER_CREDENTIALS_FULL_URI} or {@code _RELATIVE_URI}, and
 * {@code AWS_CONTAINER_AUTHORIZATION_TOKEN[_FILE]}). The SDK's own provider reads those only from
 * the process environment. Credentials are cached and refreshed five minutes before they expire.
 */
final class ContainerCredentials implements AwsCredentialsProvider {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final URI uri;
    private final String token;
    private final String tokenFile;
    private final CachedSupplier<AwsCredentials> cache;

    ContainerCredentials(Map<String, String> env) {
        String full = CredentialResolver.nonEmpty(env.get("AWS_CONTAINER_CREDENTIALS_FULL_URI"));
        this.uri = URI.create(full != null ? full : "http://169.254.170.2" + env.get("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"));
        this.token = CredentialResolver.nonEmpty(env.get("AWS_CONTAINER_AUTHORIZATION_TOKEN"));
        this.tokenFile = CredentialResolver.nonEmpty(env.get("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"));
        this.cache = CachedSupplier.builder(this::fetch).cachedValueName("container credentials").build();
    }

    @Override
    public AwsCredentials resolveCredentials() {
        return cache.get();
    }

    /** The credentials JSON both the container endpoint and IMDS serve, cached until shortly before expiry. */
    static RefreshResult<AwsCredentials> parse(String body, String providerName) throws IOException {
        JsonNode n = JSON.readTree(body);
        Instant expiry = n.hasNonNull("Expiration") ? Instant.parse(n.get("Expiration").asText()) : null;
        AwsSessionCredentials c = AwsSessionCredentials.builder().accessKeyId(n.path("AccessKeyId").asText())
                .secretAccessKey(n.path("SecretAccessKey").asText()).sessionToken(n.path("Token").asText())
                .expirationTime(expiry).providerName(providerName).build();
        RefreshResult.Builder<AwsCredentials> b = RefreshResult.builder((AwsCredentials) c);
        if (expiry != null) {
            b.staleTime(expiry.minus(Duration.ofMinutes(1))).prefetchTime(expiry.minus(Duration.ofMinutes(5)));
        }
        return b.build();
    }

    private RefreshResult<AwsCredentials> fetch() {
        try {
            HttpRequest.Builder req = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET();
            String auth = tokenFile != null ? Files.readString(Path.of(tokenFile)).trim() : token;
            if (auth != null) {
                req.header("Authorization", auth);
            }
            HttpResponse<String> r = HTTP.send(req.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw SdkClientException.create("container credentials endpoint " + uri + " answered HTTP " + r.statusCode());
            }
            return parse(r.body(), "ContainerCredentials");
        } catch (IOException e) {
            throw SdkClientException.create("cannot fetch container credentials from " + uri + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SdkClientException.create("interrupted while fetching container credentials", e);
        }
    }
}
