package dev.baml4j.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

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
import dev.baml4j.lang.BamlCompiler;
import dev.baml4j.lang.BamlProject;
import dev.baml4j.lang.ClientDef;
import dev.baml4j.lang.ClientValidator;
import dev.baml4j.lang.Compilation;
import dev.baml4j.lang.Diagnostic;
import dev.baml4j.lang.FunctionDef;
import dev.baml4j.lang.SourceFile;
import dev.baml4j.prompt.ArgumentBinder;
import dev.baml4j.prompt.PromptRenderer;
import dev.baml4j.prompt.RenderContext;
import dev.baml4j.prompt.RenderedPrompt;
import dev.baml4j.provider.ClientContext;
import dev.baml4j.provider.LlmClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The call-time half of {@code errors.jsonl}, end to end: each case's project is compiled and
 * rendered by the real stages, the client is built from the case's environment, and the call goes
 * through the real SDK to the emulator scripted like the official stub. The outcome (ok, error
 * class, status, finish reason), the number of requests and the signed wire facts must match,
 * unless the case is a deliberate deviation ({@code deviations.json}) or a listed known failure.
 * {@code retry_policy} cases need the runtime's client tree and are run by the CLI's conformance runner.
 */
class ErrorsCorpusCallStageTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path CORPUS = Path.of("../conformance/corpus/errors.jsonl");
    private static final Pattern KEY_PAIR = Pattern.compile(
            "(?:access_key_id\\s*[\"=]?\\s*\"?)(A[A-Z0-9]{10,})\"?[\\s\\S]*?secret_access_key\\s*[\"=]?\\s*\"?([A-Za-z0-9/+]{20,})");
    private static final Pattern SCOPE = Pattern.compile("Credential=([^/]*)/\\d{8}/([^/]+)/");
    private static BedrockEmulator emulator;

    @TempDir
    static Path dir;

    private final AwsBedrockProvider provider = new AwsBedrockProvider();
    private final ClientValidator validator = new ClientValidator() {
        @Override
        public boolean knowsProvider(String p) {
            return p.equals("aws-bedrock");
        }

        @Override
        public List<Diagnostic> validate(ClientDef client) {
            return provider.validate(client);
        }
    };

    /** The emulator accepts every key pair the corpus uses, as the official stub did. */
    @BeforeAll
    static void start() throws IOException {
        Set<Credentials.Key> keys = new LinkedHashSet<>();
        keys.add(new Credentials.Key(Credentials.EXAMPLE_ACCESS_KEY_ID, Credentials.EXAMPLE_SECRET_ACCESS_KEY, null));
        for (String line : Files.readAllLines(CORPUS)) {
            JsonNode c = JSON.readTree(line);
            String text = c.toString().replace("\\n", "\n").replace("\\\"", "\"");
            Matcher m = KEY_PAIR.matcher(text);
            while (m.find()) {
                keys.add(new Credentials.Key(m.group(1), m.group(2), null));
            }
            JsonNode env = c.path("env");
            if (env.has("AWS_ACCESS_KEY_ID") && env.has("AWS_SECRET_ACCESS_KEY") && !env.get("AWS_ACCESS_KEY_ID").asText().isEmpty()) {
                keys.add(new Credentials.Key(env.get("AWS_ACCESS_KEY_ID").asText(), env.get("AWS_SECRET_ACCESS_KEY").asText(), null));
            }
        }
        emulator = BedrockEmulator.builder().port(0).credentials(Credentials.of(keys.toArray(new Credentials.Key[0])))
                .build().start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void callTimeOutcomesMatchTheOfficialRuntime() throws IOException {
        JsonNode deviations = JSON.readTree(Path.of("../conformance/deviations.json").toFile());
        JsonNode known = JSON.readTree(Path.of("../conformance/bedrock-known-failures.json").toFile()).path("errors");
        Map<String, String> failures = new LinkedHashMap<>();
        int passed = 0;
        for (String line : Files.readAllLines(CORPUS)) {
            JsonNode c = JSON.readTree(line);
            if (!c.get("stage").asText().equals("call") || c.get("kind").asText().equals("retry_policy")) {
                continue;
            }
            String id = c.get("id").asText();
            emulator.reset();
            if (c.has("stub")) {
                emulator.control(c.get("stub").toString());
            }
            String problem;
            try {
                problem = run(c);
            } catch (IOException | RuntimeException e) {
                problem = "test harness: " + e;
            }
            if (problem == null) {
                passed++;
            } else if (!deviations.has(id)) {
                failures.put(id, problem);
            }
        }
        List<String> unexpected = new ArrayList<>();
        failures.forEach((id, why) -> {
            if (!known.has(id)) {
                unexpected.add(id + ": " + why);
            }
        });
        List<String> stale = new ArrayList<>();
        known.fieldNames().forEachRemaining(id -> {
            if (!failures.containsKey(id)) {
                stale.add(id);
            }
        });
        assertThat(unexpected).as("failing call-stage cases not listed as deviations or known failures").isEmpty();
        assertThat(stale).as("known failures that pass now: remove them from bedrock-known-failures.json").isEmpty();
        assertThat(passed).isGreaterThan(20);
    }

    /** Null when the case's outcome matches; otherwise what differs. */
    private String run(JsonNode c) throws IOException {
        JsonNode expected = c.get("expected");
        Map<String, String> env = env(c);
        List<SourceFile> files = new ArrayList<>();
        c.get("baml").properties().forEach(e -> files.add(new SourceFile(e.getKey(), e.getValue().asText())));
        Compilation compilation = BamlCompiler.compile(files, validator);
        String outcome;
        Integer status = null;
        String finishReason = null;
        if (compilation.hasErrors()) {
            outcome = "check:BamlError";
        } else {
            BamlProject project = compilation.project();
            FunctionDef fn = project.function(c.get("function").asText()).orElseThrow();
            ClientDef client = c.has("registry")
                    ? ErrorsCorpusCheckStageTest.registryClient(JSON.readTree(c.get("registry").toString()
                            .replace("{stub}", emulator.uri().toString())))
                    : project.client(fn.client()).orElseThrow();
            try {
                LlmClient llm = provider.create(client, new ClientContext(env, false));
                @SuppressWarnings("unchecked")
                Map<String, Object> args = JSON.convertValue(c.get("args"), Map.class);
                RenderedPrompt prompt = new PromptRenderer(project).render(fn, ArgumentBinder.bind(project, fn, args),
                        new RenderContext(client.name(), client.provider(), Map.of()));
                llm.call(prompt).join();
                outcome = "ok";
            } catch (CompletionException e) {
                Throwable t = e.getCause();
                outcome = className(t);
                status = t instanceof BamlClientHttpException h ? h.statusCode() : null;
                finishReason = t instanceof BamlClientFinishReasonException f ? f.finishReason() : null;
            } catch (RuntimeException e) {
                outcome = className(e);
            }
        }
        String want = expected.path("ok").asBoolean(false) ? "ok" : expected.get("error_class").asText();
        if (!outcome.equals(want)) {
            return "outcome " + outcome + ", expected " + want;
        }
        if (expected.has("status_code") && !Integer.valueOf(expected.get("status_code").asInt()).equals(status)) {
            return "status " + status + ", expected " + expected.get("status_code");
        }
        if (expected.hasNonNull("finish_reason") && !expected.get("finish_reason").asText().equals(finishReason)) {
            return "finish reason " + finishReason + ", expected " + expected.get("finish_reason");
        }
        List<RecordedRequest> sent = emulator.journal().requests("/model/");
        if (sent.size() != expected.path("requests_sent").asInt()) {
            return sent.size() + " requests sent, expected " + expected.path("requests_sent");
        }
        JsonNode wire = expected.get("wire");
        if (wire != null && !sent.isEmpty()) {
            RecordedRequest r = sent.get(0);
            // Read from the Authorization header, as the official stub did: routes the emulator does not
            // serve (a path prefix) are not verified, so its parsed fields are empty there.
            Matcher scope = SCOPE.matcher(String.valueOf(r.header("authorization")));
            String keyId = scope.find() ? scope.group(1) : null;
            String region = keyId == null ? null : scope.group(2);
            if (!r.path().equals(wire.get("path").asText()) || !wire.get("access_key_id").asText().equals(keyId)
                    || !wire.get("region").asText().equals(region)) {
                return "wire " + r.path() + " " + keyId + " " + region + ", expected " + wire;
            }
            String token = r.header("x-amz-security-token");
            if (!String.valueOf(token).equals(wire.get("security_token").isNull() ? "null" : wire.get("security_token").asText())) {
                return "security token differs from " + wire.get("security_token");
            }
            JsonNode ic = JSON.readTree(r.body()).get("inferenceConfig");
            if (!f32(ic).equals(f32(wire.get("inference_config")))) {
                return "inferenceConfig " + ic + ", expected " + wire.get("inference_config");
            }
        }
        return null;
    }

    private static Map<String, Object> f32(JsonNode ic) {
        Map<String, Object> out = new HashMap<>();
        ic.properties().forEach(e -> out.put(e.getKey(), e.getValue().isFloatingPointNumber()
                ? (Object) (float) e.getValue().asDouble() : (Object) e.getValue().toString()));
        return out;
    }

    /** The clean environment of the corpus generator plus the case's own variables. */
    private Map<String, String> env(JsonNode c) throws IOException {
        Path home = Files.createTempDirectory(dir, "home");
        Map<String, String> env = new HashMap<>();
        env.put("HOME", home.toString());
        env.put("AWS_CONFIG_FILE", home.resolve("missing-config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("missing-credentials").toString());
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        var it = c.path("env").properties().iterator();
        while (it.hasNext()) {
            var e = it.next();
            String v = e.getValue().asText().replace("{stub}", emulator.uri().toString());
            Matcher m = Pattern.compile("\\{files\\.([a-z_]+)\\}").matcher(v);
            if (m.matches()) {
                Path f = home.resolve(m.group(1));
                Files.writeString(f, c.path("files").path(m.group(1)).asText());
                v = f.toString();
            }
            env.put(e.getKey(), v);
        }
        return env;
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
}
