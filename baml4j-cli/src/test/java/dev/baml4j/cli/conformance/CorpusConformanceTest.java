package dev.baml4j.cli.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The whole corpus (the repo's copy) through every handler. A case either passes, is a deliberate
 * deviation ({@code conformance/deviations.json}), or is a known bug listed with its reason in
 * {@code conformance/known-failures.json}. The list only shrinks: a listed case that starts
 * passing fails this test until it is taken off the list.
 */
class CorpusConformanceTest {

    private static final Path CONFORMANCE = Path.of("..", "conformance");
    private static final Pattern FAIL = Pattern.compile("^FAIL (\\S+?): ", Pattern.MULTILINE);

    private static Map<String, String> readMap(Path file) throws Exception {
        Map<String, String> out = new TreeMap<>();
        if (Files.exists(file)) {
            JsonNode node = new ObjectMapper().readTree(file.toFile());
            node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        }
        return out;
    }

    @Test
    void everyCasePassesOrIsADeviationOrAKnownFailure() throws Exception {
        Map<String, String> deviations = readMap(CONFORMANCE.resolve("deviations.json"));
        Map<String, String> known = readMap(CONFORMANCE.resolve("known-failures.json"));
        assertThat(deviations.values()).as("every deviation has a reason").allMatch(r -> !r.isBlank());
        assertThat(known.values()).as("every known failure has a reason").allMatch(r -> !r.isBlank());
        assertThat(known.keySet()).as("a case is either a deviation or a known failure")
                .doesNotContainAnyElementsOf(deviations.keySet());

        StringWriter report = new StringWriter();
        ConformanceRunner runner = new ConformanceRunner(CaseHandlers.ALL, deviations, false);
        ConformanceRunner.Tally tally = runner.run(java.util.List.of(
                CONFORMANCE.resolve("corpus/errors.jsonl"),
                CONFORMANCE.resolve("corpus/prompt.jsonl"),
                CONFORMANCE.resolve("corpus/sap.jsonl"),
                CONFORMANCE.resolve("corpus/sap_partial.jsonl")), new PrintWriter(report, true));

        TreeSet<String> failing = new TreeSet<>();
        Matcher m = FAIL.matcher(report.toString());
        while (m.find()) {
            failing.add(m.group(1));
        }
        TreeSet<String> unexpected = new TreeSet<>(failing);
        unexpected.removeAll(known.keySet());
        TreeSet<String> fixed = new TreeSet<>(known.keySet());
        fixed.removeAll(failing);

        assertThat(unexpected).as("cases failing that are not known failures:\n" + report).isEmpty();
        assertThat(fixed).as("known failures that now pass: take them off conformance/known-failures.json").isEmpty();
        assertThat(tally.passed() + tally.skipped() + tally.failed()).isGreaterThan(1000);
    }
}
