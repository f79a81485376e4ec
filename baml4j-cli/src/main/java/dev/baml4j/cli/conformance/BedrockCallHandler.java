package dev.baml4j.cli.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baml4j.BamlClientException;
import dev.baml4j.BamlClientFinishReasonException;
import dev.baml4j.BamlClientHttpException;
import dev.baml4j.BamlTimeoutException;
import dev.baml4j.BamlValidationException;
import dev.baml4j.emulator.BedrockEmulator;
import dev.baml4j.emulator.Credentials;
import dev.baml4j.emulator.RecordedRequest;
import dev.baml4j.runtime.BamlRuntime;
import dev.baml4j.runtime.CallOptions;
import dev.baml4j.runtime.ClientRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code errors.jsonl} cases of {@code stage: "call"}, through the whole runtime: the project is
 * loaded with the case's clean environment, the function is called against a local
 * {@link BedrockEmulator} scripted like the official stub ({@code stub}) that accepts the key pairs
 * the case supplies, and the outcome (ok, error class, status, finish reason), the number of
 * requests and the signed wire facts (path, key id, region, session token, inferenceConfig) must match.
 */
final class BedrockCallHandler implements CaseHandler {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SCOPE = Pattern.compile("Credential=([^/]*)/\\d{8}/([^/]+)/");
    private static final Pattern FILES = Pattern.compile("\\{files\\.([a-z_]+)\\}");
    private static final Pattern KEY_ID = Pattern.compile("\\b((?:AKID|AKIA|ASIA)[A-Z0-9]{6,})\\b");
    private static final Pattern SECRET = Pattern.compile("(?<![A-Za-z0-9/+])([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])");
    private static final Pattern SUBJECT = Pattern.compile("(?:property|key|field|type in media_url_handler|mode): '?([A-Za-z_]+)");
    private static final Pattern IDENT = Pattern.compile("[A-Za-z]+(?:_[A-Za-z]+)+");

    @Override
    public String name() {
        return "errors(call, aws-bedrock)";
    }

    @Override
    public boolean accepts(JsonNode testCase) {
        return CaseKind.of(testCase) == CaseKind.ERRORS_CALL;
    }

    /** What an official option message is about: the option or key our message must name too. */
    static String subject(String message) {
        Matcher m = SUBJECT.matcher(message);
        if (m.find()) {
            return m.group(1);
        }
        Matcher id = IDENT.matcher(message);
        return id.find() ? id.group() : null;
    }

    @Override
    public CaseResult run(JsonNode c) {
        try (BedrockEmulator emulator = BedrockEmulator.builder().port(0).credentials(credentials(c)).build().start()) {
            if (c.has("stub")) {
                emulator.control(c.get("stub").toString());
            }
            Path home = Files.createTempDirectory("baml4j-conformance-home");
            try {
                return compare(c, emulator, call(c, emulator, home));
            } finally {
                deleteTree(home);
            }
        } catch (IOException e) {
            return CaseResult.fail("the case runs", "I/O error: " + e.getMessage());
        }
    }

    private record Outcome(String kind, Integer status, String finishReason, String message) {
    }

    private static Outcome call(JsonNode c, BedrockEmulator emulator, Path home) throws IOException {
        Map<String, String> env = env(c, emulator, home);
        Map<String, String> sources = new HashMap<>();
        c.get("baml").properties().forEach(e -> sources.put(e.getKey(), e.getValue().asText()));
        try {
            BamlRuntime runtime = BamlRuntime.builder().sources(sources).env(env).build();
            CallOptions.Builder options = CallOptions.builder().env(env);
            if (c.has("registry")) {
                JsonNode r = JSON.readTree(c.get("registry").toString().replace("{stub}", emulator.uri().toString()));
                @SuppressWarnings("unchecked")
                Map<String, Object> opts = JSON.convertValue(r.get("options"), Map.class);
                options.clientRegistry(new ClientRegistry().addLlmClient(r.get("name").asText(),
                        r.get("provider").asText(), opts).setPrimary(r.get("name").asText()));
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> args = JSON.convertValue(c.get("args"), Map.class);
            runtime.call(c.get("function").asText(), args, options.build());
            return new Outcome("ok", null, null, null);
        } catch (RuntimeException e) {
            Throwable t = e;
            while (t instanceof java.util.concurrent.CompletionException && t.getCause() != null) {
                t = t.getCause();
            }
            return new Outcome(className(t), t instanceof BamlClientHttpException h ? h.statusCode() : null,
                    t instanceof BamlClientFinishReasonException f ? f.finishReason() : null, t.getMessage());
        }
    }

    private static CaseResult compare(JsonNode c, BedrockEmulator emulator, Outcome got) throws IOException {
        JsonNode expected = c.get("expected");
        String want = expected.path("ok").asBoolean(false) ? "ok" : expected.path("error_class").asText();
        if (!got.kind().equals(want)) {
            return CaseResult.fail(want + (expected.has("message_fragment") ? ": " + expected.get("message_fragment").asText() : ""),
                    got.kind() + (got.message() == null ? "" : ": " + got.message()));
        }
        if (expected.has("status_code") && !Integer.valueOf(expected.get("status_code").asInt()).equals(got.status())) {
            return CaseResult.fail("status " + expected.get("status_code"), "status " + got.status());
        }
        if (expected.hasNonNull("finish_reason") && !expected.get("finish_reason").asText().equals(got.finishReason())) {
            return CaseResult.fail("finish reason " + expected.get("finish_reason").asText(), "finish reason " + got.finishReason());
        }
        List<RecordedRequest> sent = emulator.journal().requests("/model/");
        if (sent.size() != expected.path("requests_sent").asInt()) {
            return CaseResult.fail(expected.path("requests_sent") + " requests", sent.size() + " requests");
        }
        JsonNode wire = expected.get("wire");
        if (wire == null || sent.isEmpty()) {
            return CaseResult.pass();
        }
        RecordedRequest r = sent.get(0);
        Matcher scope = SCOPE.matcher(String.valueOf(r.header("authorization")));
        String keyId = scope.find() ? scope.group(1) : null;
        String region = keyId == null ? null : scope.group(2);
        JsonNode ic = JSON.readTree(r.body()).get("inferenceConfig");
        String token = r.header("x-amz-security-token");
        String gotWire = r.path() + " " + keyId + " " + region + " token=" + token + " " + f32(ic);
        String wantWire = wire.get("path").asText() + " " + wire.get("access_key_id").asText() + " "
                + wire.get("region").asText() + " token=" + (wire.get("security_token").isNull() ? null
                        : wire.get("security_token").asText()) + " " + f32(wire.get("inference_config"));
        return CaseResult.check(wantWire, gotWire);
    }

    /** inferenceConfig with floats as the f32 values Converse defines (the SDKs print them differently). */
    private static Map<String, String> f32(JsonNode ic) {
        Map<String, String> out = new java.util.TreeMap<>();
        if (ic != null) {
            ic.properties().forEach(e -> out.put(e.getKey(), e.getValue().isFloatingPointNumber()
                    ? String.valueOf((float) e.getValue().asDouble()) : e.getValue().toString()));
        }
        return out;
    }

    /** The corpus generator's clean environment plus the case's own variables and files. */
    private static Map<String, String> env(JsonNode c, BedrockEmulator emulator, Path home) throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", home.toString());
        env.put("AWS_CONFIG_FILE", home.resolve("missing-config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("missing-credentials").toString());
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        var it = c.path("env").properties().iterator();
        while (it.hasNext()) {
            var e = it.next();
            String v = e.getValue().asText().replace("{stub}", emulator.uri().toString());
            Matcher m = FILES.matcher(v);
            if (m.matches()) {
                Path f = home.resolve(m.group(1));
                Files.writeString(f, c.path("files").path(m.group(1)).asText());
                v = f.toString();
            }
            env.put(e.getKey(), v);
        }
        return env;
    }

    /**
     * Every key id the case mentions (options, env, files) with every secret it mentions: the
     * emulator accepts them all, as the official stub accepted any signature it could check.
     */
    private static Credentials credentials(JsonNode c) {
        String text = c.toString();
        Set<String> ids = new LinkedHashSet<>(List.of(Credentials.EXAMPLE_ACCESS_KEY_ID));
        Matcher id = KEY_ID.matcher(text);
        while (id.find()) {
            ids.add(id.group(1));
        }
        Set<String> secrets = new LinkedHashSet<>(List.of(Credentials.EXAMPLE_SECRET_ACCESS_KEY));
        Matcher secret = SECRET.matcher(text);
        while (secret.find()) {
            secrets.add(secret.group(1));
        }
        List<Credentials.Key> keys = new java.util.ArrayList<>();
        for (String i : ids) {
            for (String s : secrets) {
                keys.add(new Credentials.Key(i, s, null));
            }
        }
        return Credentials.of(keys.toArray(new Credentials.Key[0]));
    }

    private static String className(Throwable t) {
        if (t instanceof BamlClientFinishReasonException) {
            return "BamlClientFinishReasonError";
        } else if (t instanceof BamlTimeoutException) {
            return "BamlTimeoutError";
        } else if (t instanceof BamlClientHttpException) {
            return "BamlClientHttpError";
        } else if (t instanceof BamlClientException) {
            return "BamlClientError";
        } else if (t instanceof BamlValidationException) {
            return "BamlValidationError";
        }
        return "BamlError";
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
