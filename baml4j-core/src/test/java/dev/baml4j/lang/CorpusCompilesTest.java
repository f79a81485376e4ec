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
}
