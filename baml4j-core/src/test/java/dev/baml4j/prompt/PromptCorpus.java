package dev.baml4j.prompt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baml4j.lang.BamlCompiler;
import dev.baml4j.lang.BamlProject;
import dev.baml4j.lang.ClientDef;
import dev.baml4j.lang.ClientValidator;
import dev.baml4j.lang.FunctionDef;
import dev.baml4j.lang.SourceFile;
import dev.baml4j.types.ConfigValue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The repo's {@code prompt.jsonl} cases, and what rendering owns of their expected bodies. */
final class PromptCorpus {

    static final Path FILE = Path.of("..", "conformance", "corpus", "prompt.jsonl");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One text part of the conversation, with its role and whether a cache point follows it. */
    record Part(String role, String text, boolean cachePointAfter) {
    }

    record Case(String id, JsonNode json) {
        @Override
        public String toString() {
            return id;
        }
    }

    private PromptCorpus() {
    }

    static List<Case> cases() {
        return read(readLines(FILE), null);
    }

    /**
     * Extra cases answered by the official runtime 0.226.2 (through {@code ask-baml prompt}):
     * functions of the corpus projects that the corpus itself does not call, which carry no sources
     * and run against all the corpus files together, and a few with their own sources (filters,
     * value printing, whitespace control, duplicate roles, media).
     */
    static List<Case> oracleCases() {
        ObjectNode allFiles = JSON.createObjectNode();
        for (Case c : cases()) {
            c.json().path("baml").properties().forEach(e -> allFiles.set(e.getKey(), e.getValue()));
        }
        try (InputStream in = PromptCorpus.class.getResourceAsStream("/prompt-oracle-cases.jsonl")) {
            if (in == null) {
                throw new IllegalStateException("prompt-oracle-cases.jsonl is missing from the test classpath");
            }
            return read(List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")), allFiles);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Case> read(List<String> lines, ObjectNode baml) {
        List<Case> out = new ArrayList<>();
        try {
            for (String line : lines) {
                if (!line.isBlank()) {
                    ObjectNode c = (ObjectNode) JSON.readTree(line);
                    if (baml != null && !c.has("baml")) {
                        c.set("baml", baml);
                    }
                    out.add(new Case(c.path("id").asText(), c));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static BamlProject compile(JsonNode c) {
        List<SourceFile> files = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = c.path("baml").properties().iterator();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            files.add(new SourceFile(e.getKey(), e.getValue().asText()));
        }
        return BamlCompiler.compile(files, ClientValidator.PERMISSIVE).projectOrThrow();
    }

    /** The client the case calls: the per-call override, else the function's. */
    static ClientDef client(BamlProject project, JsonNode c, FunctionDef fn) {
        String name = c.hasNonNull("client") ? c.path("client").asText() : fn.client();
        return project.client(name).orElseThrow();
    }

    /** As the runtime builds it: the default role comes from the client's declaration. */
    static RenderContext renderContext(ClientDef client) {
        return new RenderContext(client.name(), client.provider(), Map.of());
    }

    /** The expected parts: leading system blocks, then each message's text blocks. */
    static List<Part> expectedParts(JsonNode body) {
        List<Part> parts = new ArrayList<>();
        addBlocks(parts, "system", body.path("system"));
        for (JsonNode m : body.path("messages")) {
            addBlocks(parts, m.path("role").asText(), m.path("content"));
        }
        return parts;
    }

    private static void addBlocks(List<Part> parts, String role, JsonNode blocks) {
        for (JsonNode b : blocks) {
            if (b.has("text")) {
                parts.add(new Part(role, b.path("text").asText(), false));
            } else if (b.has("cachePoint") && !parts.isEmpty()) {
                Part last = parts.remove(parts.size() - 1);
                parts.add(new Part(last.role(), last.text(), true));
            }
        }
    }

    /**
     * The rendered parts in order. A cache point follows the last part of a message whose
     * {@code cache_control} metadata the client lets through (obs. 28: any value; suppressed only
     * by {@code allowed_role_metadata "none"} or a list without it).
     */
    static List<Part> actualParts(RenderedPrompt prompt, ClientDef client) {
        boolean cacheAllowed = cacheControlAllowed(client);
        List<Part> parts = new ArrayList<>();
        for (ChatMessage m : prompt.messages()) {
            List<ChatPart> ps = m.parts();
            for (int i = 0; i < ps.size(); i++) {
                if (ps.get(i) instanceof ChatPart.Text t) {
                    boolean last = i == ps.size() - 1;
                    parts.add(new Part(m.role(), t.text(),
                            last && cacheAllowed && m.metadata().containsKey("cache_control")));
                }
            }
        }
        return parts;
    }

    private static boolean cacheControlAllowed(ClientDef client) {
        var v = client.options().get("allowed_role_metadata");
        if (v.isEmpty()) {
            return true;
        }
        if (v.get() instanceof ConfigValue.ArrayLit a) {
            return a.items().stream().anyMatch(i -> i.asString().filter("cache_control"::equals).isPresent());
        }
        return !v.get().asString().filter("none"::equals).isPresent();
    }

    /** Plain JSON args as Java values (the binder also takes JsonNode; this keeps key order). */
    static Map<String, Object> args(JsonNode c) {
        Map<String, Object> out = new LinkedHashMap<>();
        c.path("args").properties().forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
