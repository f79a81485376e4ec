package dev.baml4j.cli.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baml4j.BamlException;
import dev.baml4j.cli.internal.BamlSources;
import dev.baml4j.runtime.BamlRuntime;
import dev.baml4j.runtime.CallOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The flags every command that calls functions shares: {@code --env KEY=VALUE}, {@code --env-file},
 * {@code --client} and {@code --json}, and how they become a runtime and call options.
 */
public final class CallFlags {

    static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--env", paramLabel = "KEY=VALUE",
            description = "Sets an environment variable for env.X and the provider (repeatable); wins over --env-file.")
    Map<String, String> env = new LinkedHashMap<>();

    @Option(names = "--env-file", paramLabel = "FILE",
            description = "Reads KEY=VALUE lines (a .env file) before --env; # starts a comment.")
    List<Path> envFiles = List.of();

    @Option(names = "--client", paramLabel = "NAME",
            description = "Calls with this client (a client name or provider/model) instead of the function's own.")
    String client;

    @Option(names = "--json", description = "Machine-readable output: compact JSON lines, errors as JSON objects.")
    boolean json;

    /** The environment the flags start from; tests replace it so the developer's own AWS_* never leak in. */
    Map<String, String> processEnv = System.getenv();

    /** The process environment, then the env files, then --env. */
    Map<String, String> environment() {
        Map<String, String> merged = new LinkedHashMap<>(processEnv);
        for (Path file : envFiles) {
            merged.putAll(DotEnv.read(file));
        }
        merged.putAll(env);
        return merged;
    }

    BamlRuntime runtime(Path dir) {
        Map<String, String> environment = environment();
        // Read as `check` reads them, so paths in errors look the same in every command.
        return BamlRuntime.builder().files(BamlSources.read(dir)).env(environment).build();
    }

    CallOptions options() {
        CallOptions.Builder b = CallOptions.builder();
        if (client != null) {
            b.client(client);
        }
        return b.build();
    }

    /** {@code --args}: inline JSON, or {@code @file} to read it from a file; an object of named arguments. */
    static Map<String, Object> parseArgs(String args) {
        if (args == null || args.isBlank()) {
            return Map.of();
        }
        String text = args;
        if (args.startsWith("@")) {
            try {
                text = Files.readString(Path.of(args.substring(1)), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new BamlException("cannot read the arguments file " + args.substring(1) + ": " + e.getMessage());
            }
        }
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BamlException("--args is not valid JSON: " + e.getOriginalMessage()
                    + "; pass an object such as '{\"text\": \"hello\"}' or @args.json");
        }
        if (node == null || !node.isObject()) {
            throw new BamlException("--args must be a JSON object of named arguments, such as '{\"text\": \"hello\"}'");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }
}
