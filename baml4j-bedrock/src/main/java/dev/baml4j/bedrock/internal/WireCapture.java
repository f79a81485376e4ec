package dev.baml4j.bedrock.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Sees each request as it goes on the wire, after signing. A request carrying {@link #SINK} has its
 * method, URL, headers and body recorded there; with {@link Sink#abort} set, the request is stopped
 * right after that, which is how a preview gets the exact signed request without sending it.
 */
public final class WireCapture implements ExecutionInterceptor {

    public static final ExecutionAttribute<Sink> SINK = new ExecutionAttribute<>("baml4j.wireCapture");

    /** One captured request. Header values are as signed; redaction is the reader's job. */
    public record Captured(String method, String url, List<Map.Entry<String, String>> headers, String body) {
    }

    /** Where a request is recorded; {@code abort} stops it before it is sent. */
    public static final class Sink {
        private final boolean abort;
        private volatile Captured captured;

        public Sink(boolean abort) {
            this.abort = abort;
        }

        public Captured captured() {
            return captured;
        }
    }

    /** Thrown to stop a preview request after it was signed; never escapes the provider. */
    public static final class PreviewAbort extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PreviewAbort() {
            super("preview only: request not sent", null, false, false);
        }
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        Sink sink = attributes.getAttribute(SINK);
        if (sink == null) {
            return;
        }
        SdkHttpRequest r = context.httpRequest();
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        r.forEachHeader((name, values) -> values.forEach(v -> headers.add(Map.entry(name, v))));
        String body = context.requestBody().map(b -> {
            try (InputStream in = b.contentStreamProvider().newStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return null;
            }
        }).orElse(null);
        sink.captured = new Captured(r.method().name(), r.getUri().toString(), headers, body);
        if (sink.abort) {
            throw new PreviewAbort();
        }
    }
}
