package dev.baml4j.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baml4j.lang.BamlCompiler;
import dev.baml4j.lang.BamlProject;
import dev.baml4j.lang.ClientValidator;
import dev.baml4j.lang.Compilation;
import dev.baml4j.lang.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Every distinct BAML project of the repo's conformance corpus. The SAP cases hold only types and
 * a target; like the corpus generator, each schema becomes one project with a parse function per
 * target ({@code function ParseN(llm_output: string) -> <target>}). Projects that do not compile
 * (the error cases) are left out: there is nothing to generate for them.
 */
final class CorpusProjects {

    static final Path CORPUS = Path.of("..", "conformance", "corpus");
    private static final ObjectMapper JSON = new ObjectMapper();

    record Project(String name, List<SourceFile> files, BamlProject project) {
        @Override
        public String toString() {
            return name;
        }
    }

    private CorpusProjects() {
    }

    static List<Project> all() {
        Map<String, List<SourceFile>> sources = new LinkedHashMap<>();
        Map<String, String> sapTypes = new LinkedHashMap<>();
        Map<String, Set<String>> sapTargets = new LinkedHashMap<>();
        try (Stream<Path> paths = Files.list(CORPUS)) {
            for (Path p : paths.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
                for (String line : Files.readAllLines(p)) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode c = JSON.readTree(line);
                    JsonNode baml = c.path("baml");
                    if (baml.isTextual()) {
                        String schema = c.path("schema").asText("main");
                        sapTypes.putIfAbsent(schema, baml.asText());
                        sapTargets.computeIfAbsent(schema, s -> new LinkedHashSet<>()).add(c.path("target").asText());
                    } else if (baml.isObject()) {
                        List<SourceFile> files = new ArrayList<>();
                        Iterator<Map.Entry<String, JsonNode>> it = baml.fields();
                        while (it.hasNext()) {
                            Map.Entry<String, JsonNode> e = it.next();
                            files.add(new SourceFile(e.getKey(), e.getValue().asText()));
                        }
                        sources.putIfAbsent(files.toString(), files);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Project> out = new ArrayList<>();
        for (Map.Entry<String, String> e : sapTypes.entrySet()) {
            StringBuilder functions = new StringBuilder(e.getValue()).append('\n');
            int n = 0;
            for (String target : sapTargets.get(e.getKey())) {
                functions.append("function Parse").append(n++).append("(llm_output: string) -> ").append(target)
                        .append(" {\n  client \"aws-bedrock/model\"\n  prompt #\"\n    {{ llm_output }}\n    {{ ctx.output_format }}\n  \"#\n}\n\n");
            }
            add(out, "sap:" + e.getKey(), List.of(new SourceFile(e.getKey() + ".baml", functions.toString())));
        }
        int i = 0;
        for (List<SourceFile> files : sources.values()) {
            add(out, "project-" + i++, files);
        }
        return out;
    }

    private static void add(List<Project> out, String name, List<SourceFile> files) {
        Compilation c = BamlCompiler.compile(files, ClientValidator.PERMISSIVE);
        if (!c.hasErrors()) {
            out.add(new Project(name, files, c.project()));
        }
    }

    static BamlProject compileFiles(List<SourceFile> files) {
        return BamlCompiler.compile(files, ClientValidator.PERMISSIVE).projectOrThrow();
    }

    static BamlProject compile(String baml) {
        return BamlCompiler.compile(List.of(new SourceFile("main.baml", baml)), ClientValidator.PERMISSIVE).projectOrThrow();
    }
}
