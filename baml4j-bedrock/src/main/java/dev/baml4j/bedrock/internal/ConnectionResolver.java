package dev.baml4j.bedrock.internal;

import dev.baml4j.BamlConfigException;
import dev.baml4j.lang.Diagnostic;
import dev.baml4j.types.SourceSpan;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Region and endpoint, in the documented order. Region: {@code region} option →
 * {@code AWS_REGION} → {@code AWS_DEFAULT_REGION} → the chosen profile's {@code region} →
 * instance metadata. Endpoint: {@code endpoint_url} → {@code AWS_ENDPOINT_URL_BEDROCK_RUNTIME} →
 * {@code AWS_ENDPOINT_URL} → the regional endpoint. The endpoint is always set explicitly on the
 * SDK client, so the SDK's own reading of the process environment cannot pick another one.
 */
public final class ConnectionResolver {

    /** Where requests go: the region (for signing) and the endpoint, with where each came from. */
    public record Connection(String region, String regionSource, URI endpoint, String endpointSource) {
    }

    private ConnectionResolver() {
    }

    public static Connection resolve(BedrockOptions o, Map<String, String> env) {
        String region;
        String regionSource;
        if (o.region() != null) {
            region = o.region();
            regionSource = o.describeOption("region");
        } else if (nonEmpty(env.get("AWS_REGION")) != null) {
            region = env.get("AWS_REGION");
            regionSource = "AWS_REGION";
        } else if (nonEmpty(env.get("AWS_DEFAULT_REGION")) != null) {
            region = env.get("AWS_DEFAULT_REGION");
            regionSource = "AWS_DEFAULT_REGION";
        } else {
            String profileName = o.profile() != null ? o.profile()
                    : nonEmpty(env.get("AWS_PROFILE")) != null ? env.get("AWS_PROFILE") : "default";
            region = ProfileFiles.from(env).profile(profileName).flatMap(p -> p.property("region"))
                    .map(String::trim).filter(s -> !s.isEmpty()).orElse(null);
            regionSource = "profile " + profileName;
            if (region == null) {
                region = imdsRegion(env);
                regionSource = "instance metadata";
            }
        }
        if (region == null) {
            throw new BamlConfigException(Diagnostic.error(SourceSpan.NONE, "client `" + o.clientName()
                    + "` has no AWS region: no region option, no AWS_REGION or AWS_DEFAULT_REGION, no region in the profile, no instance metadata",
                    "add region \"us-east-1\" to the client's options, or set AWS_REGION"));
        }
        String endpoint;
        String endpointSource;
        if (o.endpointUrl() != null) {
            endpoint = o.endpointUrl();
            endpointSource = o.describeOption("endpoint_url");
        } else if (nonEmpty(env.get("AWS_ENDPOINT_URL_BEDROCK_RUNTIME")) != null) {
            endpoint = env.get("AWS_ENDPOINT_URL_BEDROCK_RUNTIME");
            endpointSource = "AWS_ENDPOINT_URL_BEDROCK_RUNTIME";
        } else if (nonEmpty(env.get("AWS_ENDPOINT_URL")) != null) {
            endpoint = env.get("AWS_ENDPOINT_URL");
            endpointSource = "AWS_ENDPOINT_URL";
        } else {
            endpoint = "https://bedrock-runtime." + region + ".amazonaws.com" + (region.startsWith("cn-") ? ".cn" : "");
            endpointSource = "the regional endpoint";
        }
        return new Connection(region, regionSource, endpointUri(o, endpoint, endpointSource), endpointSource);
    }

    private static URI endpointUri(BedrockOptions o, String endpoint, String source) {
        try {
            URI uri = new URI(endpoint.trim());
            if (uri.getScheme() == null || uri.getHost() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new URISyntaxException(endpoint, "not an http(s) URL with a host");
            }
            String path = uri.getPath();
            // A trailing slash would double up with the request path (/model/...).
            if (path != null && path.endsWith("/")) {
                uri = new URI(uri.getScheme(), uri.getUserInfo(), uri.getHost(), uri.getPort(),
                        path.substring(0, path.length() - 1), uri.getQuery(), uri.getFragment());
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new BamlConfigException(Diagnostic.error(SourceSpan.NONE, "client `" + o.clientName()
                    + "`: endpoint `" + endpoint + "` from " + source + " is not a valid URL (" + e.getReason() + ")",
                    "use a URL such as https://bedrock-runtime.us-east-1.amazonaws.com or http://127.0.0.1:4000"));
        }
    }

    /**
     * The instance's region from IMDSv2 (token, then {@code placement/region}), at the endpoint the
     * env map names. Short timeouts: off EC2 there is nobody to answer.
     */
    private static String imdsRegion(Map<String, String> env) {
        if ("true".equalsIgnoreCase(env.get("AWS_EC2_METADATA_DISABLED"))) {
            return null;
        }
        String base = nonEmpty(env.get("AWS_EC2_METADATA_SERVICE_ENDPOINT"));
        base = base == null ? "http://169.254.169.254" : base.replaceAll("/+$", "");
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
            String token = http.send(HttpRequest.newBuilder(URI.create(base + "/latest/api/token"))
                    .timeout(Duration.ofSeconds(1)).header("X-aws-ec2-metadata-token-ttl-seconds", "300")
                    .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).body();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/latest/meta-data/placement/region"))
                    .timeout(Duration.ofSeconds(1)).header("X-aws-ec2-metadata-token", token).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && !r.body().isBlank() ? r.body().trim() : null;
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static String nonEmpty(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

}
