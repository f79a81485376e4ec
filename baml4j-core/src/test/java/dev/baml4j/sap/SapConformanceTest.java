package dev.baml4j.sap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baml4j.BamlValidationException;
import dev.baml4j.lang.BamlCompiler;
import dev.baml4j.lang.BamlProject;
import dev.baml4j.lang.ClientValidator;
import dev.baml4j.lang.SourceFile;
import dev.baml4j.types.BamlType;
import dev.baml4j.types.BamlValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the official runtime's answers ({@code conformance/corpus/sap.jsonl} and
 * {@code sap_partial.jsonl}) through the parser. Cases listed in
 * {@code sap-known-failures.txt} must still fail (the list only shrinks); every other case must
 * pass. Deliberate deviations are in {@code conformance/deviations.json}.
 */
class SapConformanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path CORPUS = Path.of("../conformance/corpus");

    @TestFactory
    Stream<DynamicTest> finalParses() throws IOException {
        return cases("sap.jsonl", false);
    }

    @TestFactory
    Stream<DynamicTest> partialParses() throws IOException {
        return cases("sap_partial.jsonl", true);
    }

    private Stream<DynamicTest> cases(String file, boolean partial) throws IOException {
        Map<String, String> known = exceptions();
        Map<String, SchemaAlignedParser> parsers = new HashMap<>();
        List<DynamicTest> tests = new ArrayList<>();
        for (String line : Files.readAllLines(CORPUS.resolve(file), StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode c = JSON.readTree(line);
            String id = c.get("id").asText();
            tests.add(DynamicTest.dynamicTest(id, () -> {
                String problem = run(c, partial, parsers);
                if (known.containsKey(id)) {
                    assertThat(problem).as("%s is listed as a known failure or deviation (%s) but now passes: remove it",
                            id, known.get(id)).isNotNull();
                } else {
                    assertThat(problem).as(id).isNull();
                }
            }));
        }
        return tests.stream();
    }

    /** Returns null when the parser agrees with the official runtime, else what differs. */
    static String run(JsonNode c, boolean partial, Map<String, SchemaAlignedParser> parsers) {
        String baml = c.get("baml").asText();
        SchemaAlignedParser sap = parsers.computeIfAbsent(baml, b -> new SchemaAlignedParser(compile(b)));
        BamlProject project = sap.project();
        BamlType target = BamlCompiler.parseType(c.get("target").asText(), project);
        String raw = c.get("raw").asText();
        boolean error = c.path("error").asBoolean(false);
        BamlValue got;
        try {
            got = partial ? sap.parsePartial(target, raw) : sap.parse(target, raw);
        } catch (BamlValidationException e) {
            assertThat(e.rawOutput()).isEqualTo(raw);
            return error ? null : "failed: " + e.getMessage();
        }
        if (error) {
            return "expected an error, got " + got.toJson();
        }
        JsonNode expected = c.get(partial ? "expected_partial" : "expected");
        JsonNode actual = got.toJson();
        return sameJson(expected, actual) ? null : "expected " + expected + " got " + actual;
    }

    static BamlProject compile(String baml) {
        return BamlCompiler.compile(List.of(new SourceFile("main.baml", baml)), ClientValidator.PERMISSIVE).projectOrThrow();
    }

    static boolean sameJson(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return Double.compare(a.asDouble(), b.asDouble()) == 0;
        }
        if (a.isObject() && b.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (Map.Entry<String, JsonNode> e : a.properties()) {
                if (!b.has(e.getKey()) || !sameJson(e.getValue(), b.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!sameJson(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    /** Known failures (this module's list) plus deliberate deviations (the repo's deviations.json). */
    static Map<String, String> exceptions() throws IOException {
        Map<String, String> out = new HashMap<>();
        for (String line : Files.readAllLines(Path.of("src/test/resources/sap-known-failures.txt"), StandardCharsets.UTF_8)) {
            String t = line.trim();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            int sp = t.indexOf(' ');
            out.put(sp < 0 ? t : t.substring(0, sp), sp < 0 ? "" : t.substring(sp + 1).trim());
        }
        JsonNode deviations = JSON.readTree(Path.of("../conformance/deviations.json").toFile());
        deviations.properties().forEach(e -> {
            if (e.getKey().startsWith("sap")) {
                out.put(e.getKey(), e.getValue().asText());
            }
        });
        return out;
    }
}
