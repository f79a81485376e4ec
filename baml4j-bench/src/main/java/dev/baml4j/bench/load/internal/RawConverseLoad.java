package dev.baml4j.bench.load.internal;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Emulator throughput: small signed Converse requests over keep-alive connections, as fast as the
 * emulator answers. The client is a minimal HTTP/1.1 loop on plain sockets so that the figure is
 * the emulator's, not an HTTP client's. One request is signed once and replayed (the emulator
 * verifies the signature of every request, which is the work we want to measure).
 */
public final class RawConverseLoad {
    /** Requests per second and how many failed. */
    public record Result(int connections, long requests, long errors, double seconds, double emulatorCpuMsPerRequest) {
        public double requestsPerSecond() {
            return requests / seconds;
        }
    }

    private RawConverseLoad() {}

    public static Result run(EmulatorProcess emulator, String modelId, int connections, double seconds)
            throws InterruptedException {
        byte[] request = signedRequest(emulator.uri(), modelId);
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        List<Thread> threads = new ArrayList<>();
        long cpu0 = emulator.cpuNanos();
        long t0 = System.nanoTime();
        for (int c = 0; c < connections; c++) {
            Thread t = new Thread(() -> loop(emulator.uri(), request, end, ok, errors, firstError), "raw-" + c);
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis((long) seconds + 30));
        }
        double elapsed = (System.nanoTime() - t0) / 1e9;
        long cpu = emulator.cpuNanos() - cpu0;
        if (firstError.get() != null) {
            System.err.println("  emulator throughput: " + errors.get() + " errors, first: " + firstError.get());
        }
        return new Result(connections, ok.get(), errors.get(), elapsed,
                ok.get() == 0 || cpu0 < 0 ? Double.NaN : cpu / 1e6 / ok.get());
    }

    private static void loop(URI uri, byte[] request, long end, AtomicLong ok, AtomicLong errors,
            AtomicReference<String> firstError) {
        while (System.nanoTime() < end) {
            try (Socket s = new Socket()) {
                s.setTcpNoDelay(true);
                s.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5000);
                s.setSoTimeout(30_000);
                OutputStream out = s.getOutputStream();
                InputStream in = new BufferedInputStream(s.getInputStream(), 16 * 1024);
                while (System.nanoTime() < end) {
                    out.write(request);
                    out.flush();
                    int status = readResponse(in);
                    if (status == 200) {
                        ok.incrementAndGet();
                    } else {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, "HTTP " + status);
                    }
                }
            } catch (IOException e) {
                errors.incrementAndGet();
                firstError.compareAndSet(null, e.toString());
            }
        }
    }

    /** Reads one response (Content-Length or chunked) and returns its status. */
    static int readResponse(InputStream in) throws IOException {
        String statusLine = readLine(in);
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2) {
            throw new IOException("bad status line: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        long length = -1;
        boolean chunked = false;
        String line;
        while (!(line = readLine(in)).isEmpty()) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (name.equals("content-length")) {
                length = Long.parseLong(value);
            } else if (name.equals("transfer-encoding") && value.toLowerCase(Locale.ROOT).contains("chunked")) {
                chunked = true;
            }
        }
        if (chunked) {
            long size;
            while ((size = Long.parseLong(readLine(in).split(";")[0].trim(), 16)) > 0) {
                skip(in, size);
                readLine(in);
            }
            while (!readLine(in).isEmpty()) {
                // trailers
            }
        } else if (length > 0) {
            skip(in, length);
        } else if (length < 0) {
            throw new IOException("response without Content-Length on a keep-alive connection");
        }
        return status;
    }

    private static void skip(InputStream in, long n) throws IOException {
        long left = n;
        while (left > 0) {
            long k = in.skip(left);
            if (k <= 0) {
                if (in.read() < 0) {
                    throw new EOFException();
                }
                k = 1;
            }
            left -= k;
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder(64);
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                int len = sb.length();
                return len > 0 && sb.charAt(len - 1) == '\r' ? sb.substring(0, len - 1) : sb.toString();
            }
            sb.append((char) c);
        }
        throw new EOFException("connection closed by the emulator");
    }

    private static byte[] signedRequest(URI base, String modelId) {
        String body = "{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"ping\"}]}],"
                + "\"inferenceConfig\":{\"maxTokens\":16}}";
        byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest unsigned = SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(base.resolve("/model/" + modelId + "/converse"))
                .putHeader("Host", base.getHost() + ":" + base.getPort())
                .putHeader("Content-Type", "application/json")
                .putHeader("Content-Length", Integer.toString(bodyBytes.length))
                .build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(FloorClient.ACCESS_KEY_ID, FloorClient.SECRET_ACCESS_KEY))
                .request(unsigned)
                .payload(ContentStreamProvider.fromByteArray(bodyBytes))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "bedrock")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1"));
        StringBuilder head = new StringBuilder();
        head.append("POST ").append(signed.request().encodedPath()).append(" HTTP/1.1\r\n");
        for (Map.Entry<String, List<String>> h : signed.request().headers().entrySet()) {
            for (String v : h.getValue()) {
                head.append(h.getKey()).append(": ").append(v).append("\r\n");
            }
        }
        head.append("\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[headBytes.length + bodyBytes.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(bodyBytes, 0, all, headBytes.length, bodyBytes.length);
        return all;
    }
}
