package dev.baml4j.cli.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baml4j.cli.UserError;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code conformance/deviations.json}: {@code {"case-id": "one-line reason"}}. */
public final class Deviations {

    private Deviations() {
    }

    public static Map<String, String> read(Path file) {
        if (file == null) {
            return Map.of();
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UserError("cannot read deviations file `" + file + "`: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new UserError("deviations file `" + file + "` must be a JSON object {\"case-id\": \"reason\"}");
        }
        Map<String, String> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = root.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual() || e.getValue().asText().isBlank()) {
                throw new UserError("deviation `" + e.getKey() + "` in `" + file + "` needs a one-line reason");
            }
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }
}
