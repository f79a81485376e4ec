package dev.baml4j.lang;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The {@code baml} sources of the repo's conformance corpus, case by case. */
final class CorpusSources {

    static final Path CORPUS = Path.of("..", "conformance", "corpus");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One corpus case: its id, the file it came from, its BAML files and the whole case. */
    record Case(String id, String corpusFile, List<SourceFile> files, JsonNode json) {
        @Override
        public String toString() {
            return id;
        }
    }

    private CorpusSources() {
    }

    static List<Case> all() {
        List<Case> out = new ArrayList<>();
        try (Stream<Path> paths = Files.list(CORPUS)) {
            for (Path p : paths.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
                for (String line : Files.readAllLines(p)) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode c = JSON.readTree(line);
                    out.add(new Case(c.path("id").asText(), p.getFileName().toString(), sources(c), c));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static List<SourceFile> sources(JsonNode c) {
        JsonNode baml = c.path("baml");
        List<SourceFile> files = new ArrayList<>();
        if (baml.isTextual()) {
            files.add(new SourceFile("main.baml", baml.asText()));
        } else if (baml.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = baml.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                files.add(new SourceFile(e.getKey(), e.getValue().asText()));
            }
        }
        return files;
    }
}
