package dev.baml4j.cli.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baml4j.lang.BamlCompiler;
import dev.baml4j.lang.ClientDef;
import dev.baml4j.lang.ClientValidator;
import dev.baml4j.lang.Diagnostic;
import dev.baml4j.lang.KnownProviders;
import dev.baml4j.provider.Providers;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code errors.jsonl} cases of {@code stage: "check"} whose error is a language error (an unknown
 * provider, type, client, ...), not a provider-option error. A case is taken when the language
 * front end alone, knowing every provider name BAML knows but checking no options, rejects the
 * project; option errors are left to the provider's own handler.
 *
 * <p>It passes when the project is rejected and the diagnostics name what the official message
 * names first (the offending identifier): wording differs on purpose, meaning must not.
 */
final class LanguageCheckHandler implements CaseHandler {

    private static final ClientValidator LANGUAGE_ONLY = new ClientValidator() {
        private final ClientValidator installed = Providers.validator(Providers.installed(), false);

        @Override
        public boolean knowsProvider(String provider) {
            return KnownProviders.NAMES.contains(provider) || installed.knowsProvider(provider);
        }

        @Override
        public List<Diagnostic> validate(ClientDef client) {
            return List.of();
        }
    };

    @Override
    public String name() {
        return "errors(check, language)";
    }

    @Override
    public boolean accepts(JsonNode testCase) {
        return CaseKind.of(testCase) == CaseKind.ERRORS_CHECK && !testCase.has("registry")
                && !languageErrors(testCase).isEmpty();
    }

    @Override
    public CaseResult run(JsonNode testCase) {
        List<Diagnostic> errors = languageErrors(testCase);
        JsonNode expected = testCase.path("expected");
        String message = expected.path("message_fragment").asText(expected.path("message_head").asText());
        String got = errors.stream().map(d -> d.message() + (d.hint() == null ? "" : " (" + d.hint() + ")"))
                .collect(Collectors.joining("; "));
        if (errors.isEmpty()) {
            return CaseResult.fail("error: " + message, "no error");
        }
        String subject = Subjects.first(message);
        return subject == null || got.contains(subject) ? CaseResult.pass()
                : CaseResult.fail("an error about `" + subject + "`: " + message, got);
    }

    private static List<Diagnostic> languageErrors(JsonNode testCase) {
        List<Diagnostic> out = new ArrayList<>();
        for (Diagnostic d : BamlCompiler.compile(CorpusCase.sources(testCase), LANGUAGE_ONLY).diagnostics()) {
            if (d.isError()) {
                out.add(d);
            }
        }
        return out;
    }
}
