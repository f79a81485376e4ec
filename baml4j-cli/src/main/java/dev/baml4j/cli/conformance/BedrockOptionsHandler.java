package dev.baml4j.cli.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baml4j.lang.BamlCompiler;
import dev.baml4j.lang.Diagnostic;
import dev.baml4j.provider.Providers;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code errors.jsonl} cases of {@code stage: "check"} that are provider-option errors (the
 * language handler takes the rest): the project must be rejected by the installed providers'
 * option checks, with a diagnostic naming what the official message names first.
 */
final class BedrockOptionsHandler implements CaseHandler {

    @Override
    public String name() {
        return "errors(check, aws-bedrock options)";
    }

    @Override
    public boolean accepts(JsonNode testCase) {
        return CaseKind.of(testCase) == CaseKind.ERRORS_CHECK;
    }

    @Override
    public CaseResult run(JsonNode testCase) {
        List<Diagnostic> errors = BamlCompiler.compile(CorpusCase.sources(testCase),
                Providers.validator(Providers.installed())).diagnostics().stream().filter(Diagnostic::isError)
                .collect(Collectors.toList());
        JsonNode expected = testCase.path("expected");
        String message = expected.path("message_fragment").asText(expected.path("message_head").asText());
        if (errors.isEmpty()) {
            return CaseResult.fail("error: " + message, "no error");
        }
        String got = errors.stream().map(d -> d.message() + (d.hint() == null ? "" : " (" + d.hint() + ")"))
                .collect(Collectors.joining("; "));
        String subject = BedrockCallHandler.subject(message);
        return subject == null || got.toLowerCase().contains(subject.toLowerCase()) ? CaseResult.pass()
                : CaseResult.fail("an error about `" + subject + "`: " + message, got);
    }
}
