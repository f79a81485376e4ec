package dev.baml4j.bench;

import dev.baml4j.bench.load.internal.BenchProject;
import dev.baml4j.bench.load.internal.FloorClient;
import dev.baml4j.provider.RequestPreview;
import dev.baml4j.runtime.BamlRuntime;
import dev.baml4j.runtime.CallOptions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Request building and signing, without the network: {@code preview} renders the load runner's
 * function, builds its Converse request, marshals it through the AWS SDK and signs it (what a call
 * does before its first byte leaves); {@code sign} is SigV4 alone on that body.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RequestBenchmark {
    private static final URI NOWHERE = URI.create("http://127.0.0.1:9");

    private BamlRuntime runtime;
    private final Map<String, Object> args = Map.of("email", BenchProject.EMAIL);
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final AwsCredentialsIdentity identity =
            AwsCredentialsIdentity.create(FloorClient.ACCESS_KEY_ID, FloorClient.SECRET_ACCESS_KEY);
    private SdkHttpRequest unsigned;
    private byte[] body;

    @Setup
    public void setup() {
        runtime = BamlRuntime.fromSources(Map.of("bench.baml", BenchProject.baml(NOWHERE)));
        RequestPreview p = preview();
        if (p.body() == null || !p.body().contains("support emails")) {
            throw new IllegalStateException("the preview has no rendered prompt: " + p.body());
        }
        body = p.body().getBytes(StandardCharsets.UTF_8);
        unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.POST)
                .uri(NOWHERE.resolve("/model/" + BenchProject.MODEL + "/converse"))
                .putHeader("Content-Type", "application/json")
                .putHeader("Content-Length", Integer.toString(body.length)).build();
    }

    @Benchmark
    public RequestPreview preview() {
        return runtime.preview(BenchProject.FUNCTION, args, CallOptions.defaults());
    }

    @Benchmark
    public SignedRequest sign() {
        return signer.sign(r -> r.identity(identity).request(unsigned)
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "bedrock")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1"));
    }
}
