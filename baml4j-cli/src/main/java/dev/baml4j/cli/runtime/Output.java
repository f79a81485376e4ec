package dev.baml4j.cli.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baml4j.BamlClientHttpException;
import java.io.PrintWriter;

/** How the calling commands print values and failures. */
final class Output {

    private Output() {
    }

    static String json(JsonNode node, boolean pretty) {
        try {
            return pretty ? CallFlags.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node)
                    : CallFlags.JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JsonNode always serialises", e);
        }
    }

    static String tagged(String tag, JsonNode value) {
        ObjectNode o = CallFlags.JSON.createObjectNode();
        o.set(tag, value);
        return json(o, false);
    }

    /** {@code ClassName: message} on stderr, or a JSON object with {@code --json}. */
    static void failure(PrintWriter err, RuntimeException e, boolean asJson) {
        if (asJson) {
            ObjectNode o = CallFlags.JSON.createObjectNode();
            o.put("error", e.getClass().getSimpleName());
            o.put("message", e.getMessage());
            if (e instanceof BamlClientHttpException h) {
                o.put("status", h.statusCode());
                o.put("error_code", h.errorCode());
                o.put("client", h.clientName());
            }
            err.println(json(o, false));
        } else {
            err.println(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        err.flush();
    }
}
