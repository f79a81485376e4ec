package dev.baml4j.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baml4j.BamlException;
import dev.baml4j.lang.BamlProject;
import dev.baml4j.lang.ClientDef;
import dev.baml4j.lang.FunctionDef;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Renders every case of the repo's {@code prompt.jsonl} and compares what rendering owns of the
 * official runtime's request body: the text parts in order, their roles where the provider does
 * not change them (user, assistant), and where cache points follow. Cases that cannot pass are
 * listed with their reason in {@code prompt-known-failures.txt}; a listed case that passes fails
 * the test too, so the list stays honest.
 */
class PromptCorpusTest {

    @Test
    void rendersEveryCorpusPromptAsTheOfficialRuntime() throws IOException {
        Map<String, String> known = knownFailures();
        Map<String, String> failures = new LinkedHashMap<>();
        List<PromptCorpus.Case> cases = new ArrayList<>(PromptCorpus.cases());
        cases.addAll(PromptCorpus.oracleCases());
        Map<JsonNode, Compiled> compiled = new LinkedHashMap<>();
        for (PromptCorpus.Case c : cases) {
            String problem = check(c.json(), compiled);
            if (problem != null) {
                failures.put(c.id(), problem);
            }
        }
        List<String> unexpected = new ArrayList<>();
        failures.forEach((id, why) -> {
            if (!known.containsKey(id)) {
                unexpected.add(id + ": " + why);
            }
        });
        Set<String> nowPassing = new TreeSet<>(known.keySet());
        nowPassing.removeAll(failures.keySet());
        assertThat(cases).hasSizeGreaterThan(100);
        assertThat(unexpected).as("unlisted failing cases").isEmpty();
        assertThat(nowPassing).as("cases listed in prompt-known-failures.txt that now pass").isEmpty();
    }

    /** One compiled project and renderer per distinct set of sources (most cases share them). */
    private record Compiled(BamlProject project, PromptRenderer renderer) {
    }

    private static String check(JsonNode c, Map<JsonNode, Compiled> compiled) {
        Compiled k = compiled.computeIfAbsent(c.path("baml"), b -> {
            BamlProject p = PromptCorpus.compile(c);
            return new Compiled(p, new PromptRenderer(p));
        });
        BamlProject project = k.project();
        PromptRenderer renderer = k.renderer();
        FunctionDef fn = project.function(c.path("function").asText()).orElseThrow();
        ClientDef client = PromptCorpus.client(project, c, fn);
        RenderedPrompt prompt;
        try {
            prompt = renderer.render(fn, ArgumentBinder.bind(project, fn, PromptCorpus.args(c)),
                    PromptCorpus.renderContext(client));
        } catch (BamlException e) {
            return c.has("expected_error") ? null : "unexpected error: " + e.getMessage();
        }
        if (c.has("expected_error")) {
            return "expected an error like " + c.path("expected_error").path("message").asText()
                    + ", got " + prompt.toDisplayString();
        }
        List<PromptCorpus.Part> expected = PromptCorpus.expectedParts(c.path("expected_body"));
        List<PromptCorpus.Part> actual = PromptCorpus.actualParts(prompt, client);
        if (expected.size() != actual.size()) {
            return "expected parts " + expected + " but got " + actual;
        }
        for (int i = 0; i < expected.size(); i++) {
            PromptCorpus.Part e = expected.get(i);
            PromptCorpus.Part a = actual.get(i);
            if (!e.text().equals(a.text())) {
                return "part " + i + ": expected text " + quote(e.text()) + " but got " + quote(a.text());
            }
            if (e.cachePointAfter() != a.cachePointAfter()) {
                return "part " + i + ": expected cache point " + e.cachePointAfter() + " but got " + a.cachePointAfter();
            }
            boolean roleKept = a.role().equals("user") || a.role().equals("assistant");
            if (roleKept && !e.role().equals(a.role())) {
                return "part " + i + ": expected role " + e.role() + " but got " + a.role();
            }
        }
        return null;
    }

    private static String quote(String s) {
        return "\"" + s.replace("\n", "\\n") + "\"";
    }

    private static Map<String, String> knownFailures() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (InputStream in = PromptCorpusTest.class.getResourceAsStream("/prompt-known-failures.txt")) {
            assertThat(in).as("prompt-known-failures.txt on the test classpath").isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                int space = l.indexOf(' ');
                assertThat(space).as("line needs an id and a reason: " + l).isPositive();
                out.put(l.substring(0, space), l.substring(space + 1).strip());
            }
        }
        return out;
    }
}
