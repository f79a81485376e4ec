package dev.baml4j.lang;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CorpusCompilesTest {

    @Test
    void everyCorpusSourceCompilesWithoutErrors() {
        List<CorpusSources.Case> cases = CorpusSources.all();
        assertThat(cases).hasSizeGreaterThan(1000);
        StringBuilder failures = new StringBuilder();
        int compiled = 0;
        for (CorpusSources.Case c : cases) {
            if (c.files().isEmpty() || c.json().path("stage").asText().equals("check")) {
                continue;
            }
            Compilation result = BamlCompiler.compile(c.files(), ClientValidator.PERMISSIVE);
            compiled++;
            if (result.hasErrors()) {
                Map<String, String> src = c.files().stream().collect(Collectors.toMap(SourceFile::path, SourceFile::text));
                failures.append(c.id()).append(":\n");
                result.diagnostics().forEach(d -> failures.append(BamlCompiler.render(d, src)).append('\n'));
            }
        }
        assertThat(failures.toString()).isEmpty();
        assertThat(compiled).isGreaterThan(900);
    }

    /** Knows the providers BAML knows and checks no options: only language errors come out. */
    private static final ClientValidator LANGUAGE_ONLY = new ClientValidator() {
        @Override
        public boolean knowsProvider(String provider) {
            return KnownProviders.NAMES.contains(provider);
        }

        @Override
        public List<Diagnostic> validate(ClientDef client) {
            return List.of();
        }
    };

    @Test
    void checkStageCasesParseAndTheirLanguageErrorsAreReported() {
        int checkCases = 0;
        int languageErrors = 0;
        for (CorpusSources.Case c : CorpusSources.all()) {
            if (!c.json().path("stage").asText().equals("check")) {
                continue;
            }
            checkCases++;
            for (SourceFile f : c.files()) {
                assertThat(BamlCompiler.syntaxErrors(f)).as(c.id()).isEmpty();
            }
            Compilation result = BamlCompiler.compile(c.files(), LANGUAGE_ONLY);
            String expected = c.json().path("expected").path("message_fragment").asText();
            if (expected.startsWith("client provider ")) {
                // "client provider aws_bedrock not found": the provider name is a language-level error.
                String provider = expected.split(" ")[2];
                assertThat(result.diagnostics()).as(c.id()).anySatisfy(d ->
                        assertThat(d.message()).contains("unknown provider `" + provider + "`"));
                languageErrors++;
            } else {
                // Every other check-stage case is a provider-option error, which the provider reports.
                assertThat(result.hasErrors()).as(c.id()).isFalse();
            }
        }
        assertThat(checkCases).isGreaterThan(30);
        assertThat(languageErrors).isPositive();
    }
}
