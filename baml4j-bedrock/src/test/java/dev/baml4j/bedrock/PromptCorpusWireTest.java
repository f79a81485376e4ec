package dev.baml4j.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baml4j.bedrock.internal.BedrockLlmClient;
import dev.baml4j.lang.BamlCompiler;
import dev.baml4j.lang.BamlProject;
import dev.baml4j.lang.ClientDef;
import dev.baml4j.lang.ClientValidator;
import dev.baml4j.lang.Diagnostic;
import dev.baml4j.lang.FunctionDef;
import dev.baml4j.lang.SourceFile;
import dev.baml4j.prompt.ArgumentBinder;
import dev.baml4j.prompt.PromptRenderer;
import dev.baml4j.prompt.RenderContext;
import dev.baml4j.prompt.RenderedPrompt;
import dev.baml4j.provider.ClientContext;
import dev.baml4j.provider.RequestPreview;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code prompt.jsonl}: each project is compiled and rendered by the real stages, then this
 * provider builds the request through the real SDK (captured after signing, not sent) and its path
 * and body must equal what the official runtime put on the wire. {@code inferenceConfig} numbers
 * are compared as 32-bit floats, their type in Converse: the Java SDK writes {@code 0.7}, the Rust
 * SDK the widened {@code 0.699999988079071}; both are the same f32. Cases that fail for a reason
 * listed in {@code bedrock-known-failures.json} must keep failing (so the list stays honest).
 */
class PromptCorpusWireTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path CORPUS = Path.of("../conformance/corpus/prompt.jsonl");
    private static final Path KNOWN = Path.of("../conformance/bedrock-known-failures.json");
    private static final Path DEVIATIONS = Path.of("../conformance/deviations.json");

    private final AwsBedrockProvider provider = new AwsBedrockProvider();
    private final Map<String, BamlProject> projects = new HashMap<>();
    private final Map<BamlProject, PromptRenderer> renderers = new java.util.IdentityHashMap<>();
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

    @Test
    void wireRequestsMatchTheOfficialRuntime() throws IOException {
        JsonNode known = JSON.readTree(KNOWN.toFile()).path("prompt");
        JsonNode deviations = JSON.readTree(DEVIATIONS.toFile());
        Map<String, String> failures = new LinkedHashMap<>();
        int passed = 0;
        int cases = 0;
        for (String line : Files.readAllLines(CORPUS)) {
            JsonNode c = JSON.readTree(line);
            if (!c.has("expected_body")) {
                continue; // render errors belong to the prompt stage's own corpus test
            }
            cases++;
            String id = c.get("id").asText();
            String problem;
            try {
                problem = compare(c);
            } catch (RuntimeException e) {
                problem = e.getClass().getSimpleName() + ": " + e.getMessage();
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
        assertThat(unexpected).as("failing cases not listed in bedrock-known-failures.json").isEmpty();
        assertThat(stale).as("listed as known failures but passing now: remove them").isEmpty();
        assertThat(passed).as("passing cases of " + cases).isGreaterThan(cases / 2);
    }

    private String compare(JsonNode c) {
        // Many cases share one project: compile and set up its renderer once.
        BamlProject project = projects.computeIfAbsent(c.get("baml").toString(), k -> {
            List<SourceFile> files = new ArrayList<>();
            c.get("baml").properties().forEach(e -> files.add(new SourceFile(e.getKey(), e.getValue().asText())));
            return BamlCompiler.compile(files, validator).projectOrThrow();
        });
        PromptRenderer renderer = renderers.computeIfAbsent(project, PromptRenderer::new);
        FunctionDef fn = project.function(c.get("function").asText()).orElseThrow();
        String clientName = c.hasNonNull("client") ? c.get("client").asText() : fn.client();
        ClientDef client = project.client(clientName).orElseThrow();
        Map<String, String> env = new HashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = c.path("env").properties().iterator();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            env.put(e.getKey(), e.getValue().asText().replace("{stub}", "http://127.0.0.1:9"));
        }
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        BedrockLlmClient llm = (BedrockLlmClient) provider.create(client, new ClientContext(env, true));
        @SuppressWarnings("unchecked")
        Map<String, Object> args = JSON.convertValue(c.get("args"), Map.class);
        RenderedPrompt prompt = renderer.render(fn, ArgumentBinder.bind(project, fn, args),
                new RenderContext(client.name(), client.provider(), Map.of(), llm.options().defaultRole()));
        RequestPreview p = llm.preview(prompt, c.path("stream").asBoolean(false));
        String path = URI.create(p.url()).getRawPath();
        if (!path.equals(c.get("expected_path").asText())) {
            return "path " + path + " != " + c.get("expected_path").asText();
        }
        JsonNode body = normalize(readTree(p.body()));
        JsonNode expected = normalize(c.get("expected_body").deepCopy());
        return body.equals(expected) ? null : "body " + body + " != " + expected;
    }

    private static JsonNode readTree(String s) {
        try {
            return JSON.readTree(s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** inferenceConfig floats as f32; everything else exactly. */
    private static JsonNode normalize(JsonNode body) {
        JsonNode ic = body.get("inferenceConfig");
        if (ic instanceof ObjectNode o) {
            for (String k : List.of("temperature", "topP")) {
                if (o.has(k)) {
                    o.put(k, (float) o.get(k).asDouble());
                }
            }
        }
        return body;
    }
}
