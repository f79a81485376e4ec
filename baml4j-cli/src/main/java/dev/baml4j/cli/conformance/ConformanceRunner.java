package dev.baml4j.cli.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baml4j.cli.UserError;
import dev.baml4j.lang.BamlCompiler;
import dev.baml4j.lang.Diagnostic;
import dev.baml4j.lang.SourceFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Runs conformance cases from JSONL files: every case's {@code baml} must parse, then the first
 * handler that accepts the case runs it. Prints one line per failing case and returns the tally.
 */
public final class ConformanceRunner {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<CaseHandler> handlers;
    private final Map<String, String> deviations;
    private final boolean parseOnly;

    /**
     * @param deviations case ids answered differently on purpose, with the reason: skipped
     * @param parseOnly  only prove that every case's {@code baml} parses
     */
    public ConformanceRunner(List<CaseHandler> handlers, Map<String, String> deviations, boolean parseOnly) {
        this.handlers = List.copyOf(handlers);
        this.deviations = Map.copyOf(deviations);
        this.parseOnly = parseOnly;
    }

    /** What a run counted. */
    public record Tally(int passed, int failed, int skipped) {
        @Override
        public String toString() {
            return passed + " passed, " + failed + " failed, " + skipped + " skipped";
        }
    }

    public Tally run(List<Path> files, PrintWriter out) {
        int passed = 0;
        int failed = 0;
        int skipped = 0;
        for (Path file : files) {
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UserError("cannot read `" + file + "`: " + e.getMessage(), e);
            }
            int lineNo = 0;
            for (String line : lines) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode c;
                try {
                    c = JSON.readTree(line);
                } catch (JsonProcessingException e) {
                    throw new UserError(file + ":" + lineNo + ": not a JSON object: " + e.getOriginalMessage(), e);
                }
                String id = CorpusCase.id(c);
                if (deviations.containsKey(id)) {
                    skipped++;
                    continue;
                }
                CaseResult r = runOne(c);
                if (r.passed()) {
                    passed++;
                } else {
                    failed++;
                    out.println("FAIL " + id + ": expected " + oneLine(r.expected()) + " | got " + oneLine(r.got()));
                }
            }
        }
        return new Tally(passed, failed, skipped);
    }

    CaseResult runOne(JsonNode c) {
        for (SourceFile f : CorpusCase.sources(c)) {
            List<Diagnostic> syntax = BamlCompiler.syntaxErrors(f);
            if (!syntax.isEmpty()) {
                return CaseResult.fail("the baml source parses", "syntax error " + syntax.get(0));
            }
        }
        if (parseOnly) {
            return CaseResult.pass();
        }
        for (CaseHandler h : handlers) {
            if (h.accepts(c)) {
                try {
                    return h.run(c);
                } catch (RuntimeException e) {
                    return CaseResult.fail("a result from handler " + h.name(), e.getClass().getSimpleName() + ": "
                            + e.getMessage());
                }
            }
        }
        return CaseResult.fail("a handler for this case (" + CaseKind.of(c).name().toLowerCase(java.util.Locale.ROOT)
                + ")", "no handler takes it yet");
    }

    private static String oneLine(String s) {
        String flat = s == null ? "" : s.replace("\r", "").replace('\n', ' ');
        return flat.length() > 400 ? flat.substring(0, 397) + "..." : flat;
    }
}
