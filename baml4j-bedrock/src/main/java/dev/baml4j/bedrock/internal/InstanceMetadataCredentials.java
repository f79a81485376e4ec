package dev.baml4j.bedrock.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.utils.cache.CachedSupplier;
import software.amazon.awssdk.utils.cache.RefreshResult;

/**
 * EC2 instance-profile credentials over IMDSv2 (a session token first, then the role's
 * credentials), at {@code AWS_EC2_METADATA_SERVICE_ENDPOINT} from the client's env map. The SDK's
 * provider consults the process environment instead. Cached and refreshed before expiry.
 */
final class InstanceMetadataCredentials implements AwsCredentialsProvider {

    private static final String CREDS = "/latest/meta-data/iam/security-credentials/";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final String base;
    private final CachedSupplier<AwsCredentials> cache;

    InstanceMetadataCredentials(Map<String, String> env) {
        String endpoint = CredentialResolver.nonEmpty(env.get("AWS_EC2_METADATA_SERVICE_ENDPOINT"));
        this.base = (endpoint == null ? "http://169.254.169.254" : endpoint).replaceAll("/+$", "");
        this.cache = CachedSupplier.builder(this::fetch).cachedValueName("instance metadata credentials").build();
    }

    @Override
    public AwsCredentials resolveCredentials() {
        return cache.get();
    }

    private RefreshResult<AwsCredentials> fetch() {
        try {
            String token = send(HttpRequest.newBuilder(URI.create(base + "/latest/api/token"))
                    .header("X-aws-ec2-metadata-token-ttl-seconds", "21600").PUT(HttpRequest.BodyPublishers.noBody()));
            String role = send(HttpRequest.newBuilder(URI.create(base + CREDS)).header("X-aws-ec2-metadata-token", token).GET())
                    .lines().findFirst().orElseThrow(() -> SdkClientException.create("the instance has no IAM role"))
                    .trim();
            String body = send(HttpRequest.newBuilder(URI.create(base + CREDS + role)).header("X-aws-ec2-metadata-token", token).GET());
            return ContainerCredentials.parse(body, "InstanceMetadataCredentials");
        } catch (IOException e) {
            throw SdkClientException.create("cannot fetch instance metadata credentials from " + base + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SdkClientException.create("interrupted while fetching instance metadata credentials", e);
        }
    }

    private static String send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(request.timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw SdkClientException.create("instance metadata " + r.uri().getPath() + " answered HTTP " + r.statusCode());
        }
        return r.body();
    }
}
