package dev.baml4j.bedrock.internal;

import dev.baml4j.bedrock.internal.ConnectionResolver.Connection;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.auth.aws.scheme.AwsV4AuthScheme;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.scheme.AuthSchemeOption;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;

/**
 * One SDK client per resolved (region, endpoint, credentials source, retry ownership, connect
 * timeout), shared by every baml4j client and thread that resolves to the same key, so connections
 * and cached credentials are reused instead of rebuilt per call.
 */
public final class SdkClients {

    /** What makes two clients interchangeable. Holds secrets only as {@link Secret}s. */
    record Key(String region, URI endpoint, Object credentials, boolean retriesOff, Long connectTimeoutMs) {
    }

    private static final Map<Key, BedrockRuntimeAsyncClient> CLIENTS = new ConcurrentHashMap<>();
    private static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /**
     * One set of event-loop threads for every SDK client, so many endpoints or credential sources
     * do not each bring their own threads. Daemon threads: an idle pool never keeps the JVM alive.
     */
    private static final SdkEventLoopGroup EVENT_LOOPS = SdkEventLoopGroup.builder()
            .numberOfThreads(Math.max(2, Runtime.getRuntime().availableProcessors()))
            .threadFactory(new ThreadFactory() {
                private final AtomicInteger n = new AtomicInteger();

                @Override
                public Thread newThread(Runnable r) {
                    Thread t = new Thread(r, "baml4j-bedrock-io-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }
            }).build();

    private SdkClients() {
    }

    private static final int MAX_CONNECTIONS = 10_000;
    private static final int MAX_PENDING_ACQUIRES = 100_000;
    private static final Duration ACQUIRE_TIMEOUT = Duration.ofSeconds(60);

    public static BedrockRuntimeAsyncClient get(Connection c, CredentialSource credentials, boolean retriesOff,
            Long connectTimeoutMs, Map<String, String> env) {
        Key key = new Key(c.region(), c.endpoint(), credentials.key(), retriesOff, connectTimeoutMs);
        return CLIENTS.computeIfAbsent(key, k -> build(c, credentials, retriesOff, connectTimeoutMs, env));
    }

    /** How many distinct SDK clients exist; for tests of reuse. */
    static int size() {
        return CLIENTS.size();
    }

    private static BedrockRuntimeAsyncClient build(Connection c, CredentialSource credentials, boolean retriesOff,
            Long connectTimeoutMs, Map<String, String> env) {
        NettyNioAsyncHttpClient.Builder http = NettyNioAsyncHttpClient.builder()
                .connectionTimeout(connectTimeoutMs == null || connectTimeoutMs == 0 ? DEFAULT_CONNECT_TIMEOUT
                        : Duration.ofMillis(connectTimeoutMs))
                // Long generations may pause between bytes; stream stalls are policed by our own idle timeout.
                .readTimeout(Duration.ZERO).writeTimeout(Duration.ofSeconds(60))
                // Over HTTP/1.1 every open stream holds a connection: thousands of concurrent streams must
                // queue for one rather than fail after the SDK's default 10 s acquire timeout.
                .maxConcurrency(MAX_CONNECTIONS).maxPendingConnectionAcquires(MAX_PENDING_ACQUIRES)
                .connectionAcquisitionTimeout(ACQUIRE_TIMEOUT)
                .tcpKeepAlive(true)
                .eventLoopGroup(EVENT_LOOPS);
        if (c.endpoint().getScheme().equals("http")) {
            // Over cleartext the SDK would speak h2c prior knowledge; plain-http endpoints are local tools.
            http.protocol(Protocol.HTTP1_1);
        }
        ProfileFile profiles = ProfileFiles.from(env).load();
        String region = c.region();
        return BedrockRuntimeAsyncClient.builder()
                .region(Region.of(region))
                .endpointOverride(c.endpoint())
                .credentialsProvider(credentials.provider())
                // SigV4 only: AWS_BEARER_TOKEN_BEDROCK in the process must not replace the chosen credentials.
                .authSchemeProvider(params -> List.of(AuthSchemeOption.builder().schemeId(AwsV4AuthScheme.SCHEME_ID)
                        .putSignerProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "bedrock")
                        .putSignerProperty(AwsV4HttpSigner.REGION_NAME, region).build()))
                .httpClientBuilder(http)
                .overrideConfiguration(o -> {
                    o.addExecutionInterceptor(new WireCapture()).defaultProfileFile(profiles);
                    if (retriesOff) {
                        o.retryStrategy(AwsRetryStrategy.doNotRetry());
                    }
                })
                .build();
    }
}
