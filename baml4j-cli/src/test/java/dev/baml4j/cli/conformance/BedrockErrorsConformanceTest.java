package dev.baml4j.cli.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code errors.jsonl} through the conformance runner: every case that is not a listed deviation
 * passes, except the known failures in {@code bedrock-known-failures.json} ("cli-errors"), which
 * must keep failing so the list stays honest.
 */
class BedrockErrorsConformanceTest {

    private static final Pattern FAIL = Pattern.compile("^FAIL (\\S+):", Pattern.MULTILINE);

    @Test
    void errorsCorpusPassesThroughTheWholeRuntime() throws IOException {
        StringWriter out = new StringWriter();
        ConformanceRunner runner = new ConformanceRunner(CaseHandlers.ALL,
                Deviations.read(Path.of("../conformance/deviations.json")), false);
        ConformanceRunner.Tally tally = runner.run(List.of(Path.of("../conformance/corpus/errors.jsonl")),
                new PrintWriter(out, true));
        Set<String> failed = new TreeSet<>();
        Matcher m = FAIL.matcher(out.toString());
        while (m.find()) {
            failed.add(m.group(1));
        }
        JsonNode known = new ObjectMapper().readTree(Path.of("../conformance/bedrock-known-failures.json").toFile())
                .path("cli-errors");
        List<String> unexpected = new ArrayList<>();
        for (String id : failed) {
            if (!known.has(id)) {
                unexpected.add(id);
            }
        }
        List<String> stale = new ArrayList<>();
        known.fieldNames().forEachRemaining(id -> {
            if (!failed.contains(id)) {
                stale.add(id);
            }
        });
        assertThat(unexpected).as("unlisted failures:\n" + out).isEmpty();
        assertThat(stale).as("known failures that pass now").isEmpty();
        assertThat(tally.passed()).isGreaterThan(60);
    }
}
