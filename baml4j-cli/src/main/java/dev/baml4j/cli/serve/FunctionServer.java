package dev.baml4j.cli.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.baml4j.BamlClientException;
import dev.baml4j.BamlClientFinishReasonException;
import dev.baml4j.BamlClientHttpException;
import dev.baml4j.BamlConfigException;
import dev.baml4j.BamlException;
import dev.baml4j.BamlInvalidArgumentException;
import dev.baml4j.BamlValidationException;
import dev.baml4j.runtime.BamlRuntime;
import dev.baml4j.runtime.BamlStream;
import dev.baml4j.runtime.CallOptions;
import dev.baml4j.types.BamlValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Every function of a project behind HTTP: {@code POST /call/{Function}} (JSON args in, JSON result
 * out), {@code POST /stream/{Function}} (server-sent events: partials, then the final value) and
 * {@code GET /_debug/ping}. With an API key set, requests must carry it ({@code x-api-key} or
 * {@code Authorization: Bearer}); otherwise 401.
 *
 * <p>Errors map to statuses: 400 bad arguments or JSON, 404 unknown function, 422 a reply that did
 * not parse or was cut off by its finish reason, 502 a failed LLM call (the body names the BAML error class).
 */
public final class FunctionServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BamlRuntime runtime;
    private final CallOptions options;
    private final byte[] apiKey;
    private final HttpServer server;
    private final ExecutorService streams;

    private FunctionServer(BamlRuntime runtime, CallOptions options, String apiKey, String host, int port)
            throws IOException {
        this.runtime = runtime;
        this.options = options;
        this.apiKey = apiKey == null || apiKey.isEmpty() ? null : apiKey.getBytes(StandardCharsets.UTF_8);
        this.server = HttpServer.create(new InetSocketAddress(host, port), 256);
        // Calls complete asynchronously (no thread waits on the LLM); only SSE writers take a thread.
        this.streams = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "baml4j-serve-stream");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "baml4j-serve");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
    }

    /** Starts serving on {@code host:port} (port 0 picks a free one). */
    public static FunctionServer start(BamlRuntime runtime, CallOptions options, String apiKey, String host, int port)
            throws IOException {
        FunctionServer s = new FunctionServer(runtime, options, apiKey, host, port);
        s.server.start();
        return s;
    }

    public URI uri() {
        InetSocketAddress a = server.getAddress();
        return URI.create("http://" + a.getHostString() + ":" + a.getPort());
    }

    @Override
    public void close() {
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
        streams.shutdownNow();
        try {
            streams.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String method = ex.getRequestMethod();
        if (path.equals("/_debug/ping") && method.equals("GET")) {
            send(ex, 200, "application/json", "{\"status\":\"ok\"}");
            return;
        }
        if (!authorized(ex)) {
            sendError(ex, 401, "Unauthorized", "missing or wrong API key: send it as `x-api-key` or `Authorization: Bearer`");
            return;
        }
        boolean call = path.startsWith("/call/");
        boolean stream = path.startsWith("/stream/");
        if (!call && !stream) {
            sendError(ex, 404, "NotFound", "no such endpoint: use POST /call/{Function}, POST /stream/{Function}"
                    + " or GET /_debug/ping");
            return;
        }
        if (!method.equals("POST")) {
            sendError(ex, 405, "MethodNotAllowed", method + " " + path + ": use POST");
            return;
        }
        String function = path.substring(call ? "/call/".length() : "/stream/".length());
        if (runtime.project().function(function).isEmpty()) {
            sendError(ex, 404, "NotFound", "no function `" + function + "` in the project; it has: "
                    + String.join(", ", runtime.project().functions().keySet()));
            return;
        }
        Map<String, Object> args;
        try {
            args = readArgs(ex);
        } catch (BamlInvalidArgumentException e) {
            sendError(ex, 400, e);
            return;
        }
        if (call) {
            runtime.callAsync(function, args, options).whenComplete((value, error) -> {
                try {
                    if (error != null) {
                        sendError(ex, unwrap(error));
                    } else {
                        send(ex, 200, "application/json", JSON.writeValueAsString(value.toJson()));
                    }
                } catch (IOException ignored) {
                    // The client went away; nothing is left to tell it.
                }
            });
        } else {
            streams.execute(() -> streamEvents(ex, function, args));
        }
    }

    private void streamEvents(HttpExchange ex, String function, Map<String, Object> args) {
        BamlStream<BamlValue, BamlValue> stream;
        try {
            stream = runtime.stream(function, args, options);
        } catch (RuntimeException e) {
            try {
                sendError(ex, e);
            } catch (IOException ignored) {
                // The client went away.
            }
            return;
        }
        try (stream) {
            ex.getResponseHeaders().set("Content-Type", "text/event-stream");
            ex.getResponseHeaders().set("Cache-Control", "no-cache");
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                try {
                    for (BamlValue partial : stream) {
                        event(out, "partial", JSON.writeValueAsString(partial.toJson()));
                    }
                    event(out, "final", JSON.writeValueAsString(stream.getFinalResponse().toJson()));
                } catch (RuntimeException e) {
                    RuntimeException cause = unwrap(e);
                    event(out, "error", JSON.writeValueAsString(errorBody(statusOf(cause), cause)));
                }
            }
        } catch (IOException ignored) {
            // The client disconnected: closing the stream (try-with-resources) aborts the LLM request.
        }
    }

    private static void event(OutputStream out, String name, String data) throws IOException {
        out.write(("event: " + name + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private boolean authorized(HttpExchange ex) {
        if (apiKey == null) {
            return true;
        }
        String given = ex.getRequestHeaders().getFirst("x-api-key");
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (given == null && auth != null && auth.startsWith("Bearer ")) {
            given = auth.substring("Bearer ".length());
        }
        // Constant-time comparison: the key is a secret.
        return given != null && MessageDigest.isEqual(apiKey, given.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> readArgs(HttpExchange ex) throws IOException {
        JsonNode body;
        try (InputStream in = ex.getRequestBody()) {
            byte[] bytes = in.readAllBytes();
            if (bytes.length == 0) {
                return Map.of();
            }
            body = JSON.readTree(bytes);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BamlInvalidArgumentException("the request body is not valid JSON: " + e.getOriginalMessage()
                    + "; send an object of named arguments such as {\"text\": \"hello\"}");
        }
        if (body == null || !body.isObject()) {
            throw new BamlInvalidArgumentException("the request body must be a JSON object of named arguments,"
                    + " such as {\"text\": \"hello\"}");
        }
        Map<String, Object> args = new LinkedHashMap<>();
        body.properties().forEach(e -> args.put(e.getKey(), e.getValue()));
        return args;
    }

    private static RuntimeException unwrap(Throwable t) {
        Throwable c = t;
        while (c instanceof CompletionException && c.getCause() != null) {
            c = c.getCause();
        }
        return c instanceof RuntimeException r ? r : new BamlException(String.valueOf(c.getMessage()), c);
    }

    static int statusOf(RuntimeException e) {
        if (e instanceof BamlInvalidArgumentException) {
            return 400;
        } else if (e instanceof BamlValidationException || e instanceof BamlClientFinishReasonException) {
            return 422;
        } else if (e instanceof BamlClientException) {
            return 502;
        } else if (e instanceof BamlConfigException) {
            return 500;
        } else {
            return 500;
        }
    }

    private static void sendError(HttpExchange ex, RuntimeException e) throws IOException {
        sendError(ex, statusOf(e), e);
    }

    private static void sendError(HttpExchange ex, int status, RuntimeException e) throws IOException {
        send(ex, status, "application/json", JSON.writeValueAsString(errorBody(status, e)));
    }

    private static void sendError(HttpExchange ex, int status, String type, String message) throws IOException {
        ObjectNode o = JSON.createObjectNode();
        o.put("error", type);
        o.put("message", message);
        send(ex, status, "application/json", JSON.writeValueAsString(o));
    }

    private static ObjectNode errorBody(int status, RuntimeException e) {
        ObjectNode o = JSON.createObjectNode();
        o.put("error", e.getClass().getSimpleName());
        o.put("message", e.getMessage());
        o.put("status", status);
        if (e instanceof BamlClientHttpException h) {
            o.put("upstream_status", h.statusCode());
            o.put("upstream_error_code", h.errorCode());
        }
        if (e instanceof BamlClientException c) {
            o.put("client", c.clientName());
        }
        if (e instanceof BamlClientFinishReasonException f) {
            o.put("finish_reason", f.finishReason());
        }
        return o;
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
