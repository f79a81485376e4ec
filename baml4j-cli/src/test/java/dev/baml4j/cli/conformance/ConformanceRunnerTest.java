package dev.baml4j.cli.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConformanceRunnerTest {

    private static final Path CORPUS = Path.of("..", "conformance", "corpus");

    private static List<Path> corpusFiles() throws IOException {
        try (Stream<Path> s = Files.list(CORPUS)) {
            return s.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
        }
    }

    private static long caseCount(List<Path> files) throws IOException {
        long n = 0;
        for (Path f : files) {
            n += Files.readAllLines(f).stream().filter(l -> !l.isBlank()).count();
        }
        return n;
    }

    @Test
    void everyCorpusBamlSourceParses() throws IOException {
        List<Path> files = corpusFiles();
        StringWriter out = new StringWriter();
        ConformanceRunner.Tally t = new ConformanceRunner(CaseHandlers.ALL, Map.of(), true)
                .run(files, new PrintWriter(out, true));
        assertThat(out.toString()).isEmpty();
        assertThat(t.failed()).isZero();
        assertThat((long) t.passed()).isEqualTo(caseCount(files)).isGreaterThan(1000);
    }

    @Test
    void everyLanguageLevelCheckCaseOfTheCorpusPasses() throws IOException {
        ObjectMapper json = new ObjectMapper();
        LanguageCheckHandler handler = new LanguageCheckHandler();
        int taken = 0;
        for (String line : Files.readAllLines(CORPUS.resolve("errors.jsonl"))) {
            JsonNode c = json.readTree(line);
            if (handler.accepts(c)) {
                taken++;
                CaseResult r = handler.run(c);
                assertThat(r.passed()).as(c.path("id").asText() + ": " + r).isTrue();
            }
        }
        assertThat(taken).isPositive();
    }

    @Test
    void providerOptionAndCallCasesAreLeftToOtherHandlers() throws IOException {
        ObjectMapper json = new ObjectMapper();
        LanguageCheckHandler handler = new LanguageCheckHandler();
        for (String line : Files.readAllLines(CORPUS.resolve("errors.jsonl"))) {
            JsonNode c = json.readTree(line);
            String kind = c.path("kind").asText();
            if (c.path("stage").asText().equals("call") || kind.equals("inference_configuration")
                    || kind.equals("finish_reason") || kind.equals("unknown_option")) {
                assertThat(handler.accepts(c)).as(c.path("id").asText()).isFalse();
            }
        }
    }

    @Test
    void unhandledCasesFailAndDeviationsAreSkipped(@TempDir Path tmp) throws IOException {
        Path cases = tmp.resolve("cases.jsonl");
        Files.writeString(cases, String.join("\n",
                "{\"id\": \"x-1\", \"something\": \"no handler knows\"}",
                "{\"id\": \"x-2\", \"target\": \"int\", \"raw\": \"1\", \"expected\": 1, \"baml\": \"\"}",
                "{\"id\": \"x-3\", \"stage\": \"check\", \"expected\": {\"message_fragment\": \"client provider nope"
                        + " not found\"}, \"baml\": {\"m.baml\": \"client<llm> C {\\n  provider nope\\n}\\n\"}}",
                "{\"id\": \"x-4\", \"target\": \"int\", \"raw\": \"1\", \"baml\": \"class {\"}",
                ""));
        StringWriter out = new StringWriter();
        ConformanceRunner.Tally t = new ConformanceRunner(CaseHandlers.ALL, Map.of("x-2", "on purpose"), false)
                .run(List.of(cases), new PrintWriter(out, true));
        assertThat(t).isEqualTo(new ConformanceRunner.Tally(1, 2, 1));
        assertThat(t.toString()).isEqualTo("1 passed, 2 failed, 1 skipped");
        assertThat(out.toString().lines()).containsExactly(
                "FAIL x-1: expected a handler for this case (unknown) | got no handler takes it yet",
                "FAIL x-4: expected the baml source parses | got syntax error main.baml:1:7: error: expected a class"
                        + " name, found `{`");
    }

    @Test
    void subjectIsTheFirstNamedThingOfAMessage() {
        assertThat(Subjects.first("client provider aws_bedrock not found. Did you mean `aws-bedrock`?"))
                .isEqualTo("aws_bedrock");
        assertThat(Subjects.first("Type `Resme` does not exist")).isEqualTo("Resme");
        assertThat(Subjects.first("something went wrong")).isNull();
    }
}
