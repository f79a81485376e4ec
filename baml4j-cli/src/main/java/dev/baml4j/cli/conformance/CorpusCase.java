package dev.baml4j.cli.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baml4j.lang.SourceFile;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Helpers for reading a case's fields. */
public final class CorpusCase {

    private CorpusCase() {
    }

    /**
     * The case's {@code baml} as source files: a string (sap files) becomes {@code main.baml}; an
     * object (prompt and errors files) is {@code {filename: source}}.
     */
    public static List<SourceFile> sources(JsonNode testCase) {
        JsonNode baml = testCase.path("baml");
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

    public static String id(JsonNode testCase) {
        return testCase.path("id").asText("<no id>");
    }
}
