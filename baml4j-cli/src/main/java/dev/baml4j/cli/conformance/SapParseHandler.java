package dev.baml4j.cli.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baml4j.BamlValidationException;
import dev.baml4j.lang.BamlCompiler;
import dev.baml4j.lang.ClientValidator;
import dev.baml4j.sap.SchemaAlignedParser;
import dev.baml4j.types.BamlType;
import dev.baml4j.types.BamlValue;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code sap.jsonl} and {@code sap_partial.jsonl}: parses the case's raw LLM text into its target
 * type (final, or as a stream prefix) and compares the JSON with the official runtime's, or
 * expects a validation error where the runtime raised one.
 */
final class SapParseHandler implements CaseHandler {

    private final Map<String, SchemaAlignedParser> parsers = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return "sap";
    }

    @Override
    public boolean accepts(JsonNode testCase) {
        CaseKind kind = CaseKind.of(testCase);
        return kind == CaseKind.SAP || kind == CaseKind.SAP_PARTIAL;
    }

    @Override
    public CaseResult run(JsonNode testCase) {
        boolean partial = CaseKind.of(testCase) == CaseKind.SAP_PARTIAL;
        SchemaAlignedParser sap = parsers.computeIfAbsent(testCase.path("baml").asText(), b -> new SchemaAlignedParser(
                BamlCompiler.compile(CorpusCase.sources(testCase), ClientValidator.PERMISSIVE).projectOrThrow()));
        BamlType target = BamlCompiler.parseType(testCase.path("target").asText(), sap.project());
        String raw = testCase.path("raw").asText();
        boolean error = testCase.path("error").asBoolean(false);
        String expectedText = error ? "an error (" + testCase.path("error_message").asText() + ")"
                : testCase.path(partial ? "expected_partial" : "expected").toString();
        BamlValue got;
        try {
            got = partial ? sap.parsePartial(target, raw) : sap.parse(target, raw);
        } catch (BamlValidationException e) {
            return error ? CaseResult.pass() : CaseResult.fail(expectedText, "error: " + e.getMessage());
        }
        if (error) {
            return CaseResult.fail(expectedText, got.toJson().toString());
        }
        JsonNode expected = testCase.path(partial ? "expected_partial" : "expected");
        JsonNode actual = got.toJson();
        return JsonEquivalence.equivalent(expected, actual) ? CaseResult.pass()
                : CaseResult.fail(expected.toString(), actual.toString());
    }
}
