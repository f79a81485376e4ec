package dev.baml4j.cli.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baml4j.emulator.BedrockEmulator;
import dev.baml4j.emulator.RecordedRequest;
import dev.baml4j.lang.SourceFile;
import dev.baml4j.runtime.BamlRuntime;
import dev.baml4j.runtime.BamlStream;
import dev.baml4j.runtime.CallOptions;
import dev.baml4j.types.BamlValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code prompt.jsonl}: calls the case's function against an in-process emulator and compares the
 * request that reached the wire (path and JSON body, from the emulator's journal) with the one the
 * official runtime sent. The reply does not matter: only the request is judged.
 */
final class PromptRequestHandler implements CaseHandler {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static BedrockEmulator emulator;

    @Override
    public String name() {
        return "prompt";
    }

    @Override
    public boolean accepts(JsonNode testCase) {
        return CaseKind.of(testCase) == CaseKind.PROMPT;
    }

    private static synchronized BedrockEmulator emulator() {
        if (emulator == null) {
            BedrockEmulator started = BedrockEmulator.builder().port(0).build().start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "conformance-emulator-stop"));
            emulator = started;
        }
        return emulator;
    }

    @Override
    public synchronized CaseResult run(JsonNode testCase) {
        BedrockEmulator stub = emulator();
        stub.reset();
        Map<String, String> sources = new LinkedHashMap<>();
        for (SourceFile f : CorpusCase.sources(testCase)) {
            sources.put(f.path(), f.text());
        }
        // Exactly the case's environment, with {stub} filled in: never the developer's own AWS_*.
        Map<String, String> env = new LinkedHashMap<>();
        testCase.path("env").fields().forEachRemaining(e ->
                env.put(e.getKey(), e.getValue().asText().replace("{stub}", stub.uri().toString().replaceAll("/$", ""))));
        Map<String, Object> args = new LinkedHashMap<>();
        testCase.path("args").fields().forEachRemaining(e -> args.put(e.getKey(), e.getValue()));
        CallOptions.Builder options = CallOptions.builder();
        if (testCase.hasNonNull("client")) {
            options.client(testCase.get("client").asText());
        }
        String function = testCase.path("function").asText();

        RuntimeException failure = null;
        try {
            BamlRuntime runtime = BamlRuntime.builder().sources(sources).env(env).build();
            if (testCase.path("stream").asBoolean(false)) {
                try (BamlStream<BamlValue, BamlValue> s = runtime.stream(function, args, options.build())) {
                    s.forEach(p -> { });
                    s.getFinalResponse();
                }
            } else {
                runtime.call(function, args, options.build());
            }
        } catch (RuntimeException e) {
            // The echo reply rarely parses into the return type; what counts is what was sent.
            failure = e;
        }
        List<RecordedRequest> sent = stub.journal().requests();

        if (testCase.has("expected_error")) {
            JsonNode expected = testCase.get("expected_error");
            if (!sent.isEmpty()) {
                return CaseResult.fail("no request (" + expected.path("class").asText() + ": "
                        + expected.path("message").asText() + ")", "a request was sent to " + sent.get(0).path());
            }
            return failure != null ? CaseResult.pass()
                    : CaseResult.fail(expected.path("class").asText(), "no error");
        }
        if (sent.isEmpty()) {
            return CaseResult.fail(testCase.path("expected_path").asText(),
                    "no request sent: " + (failure == null ? "(no error)" : failure.getClass().getSimpleName()
                            + ": " + oneLine(failure.getMessage())));
        }
        RecordedRequest request = sent.get(0);
        String expectedPath = testCase.path("expected_path").asText();
        if (!request.path().equals(expectedPath)) {
            return CaseResult.fail("path " + expectedPath, "path " + request.path());
        }
        JsonNode body;
        try {
            body = JSON.readTree(request.body());
        } catch (JsonProcessingException e) {
            return CaseResult.fail("a JSON body", "a body that is not JSON: " + oneLine(e.getOriginalMessage()));
        }
        JsonNode expectedBody = testCase.get("expected_body");
        return JsonEquivalence.equivalent(asFloat32(expectedBody), asFloat32(body)) ? CaseResult.pass()
                : CaseResult.fail(expectedBody.toString(), body.toString());
    }

    /**
     * {@code inferenceConfig.temperature} and {@code topP} are 32-bit floats in Converse. The Rust SDK
     * prints the widened double ({@code 0.699999988079071}), the Java SDK the shortest form of the
     * same float ({@code 0.7}): compare them as the f32 values they are.
     */
    static JsonNode asFloat32(JsonNode body) {
        JsonNode copy = body.deepCopy();
        if (copy.get("inferenceConfig") instanceof com.fasterxml.jackson.databind.node.ObjectNode ic) {
            for (String key : new String[] {"temperature", "topP"}) {
                if (ic.hasNonNull(key) && ic.get(key).isNumber()) {
                    ic.put(key, new java.math.BigDecimal(Float.toString(ic.get(key).floatValue())));
                }
            }
        }
        return copy;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replace('\n', ' ');
    }
}
