package dev.baml4j.bench.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A deterministic BAML project of a chosen size, for the parse + validate benchmark.
 *
 * <p>Each "module" is a realistic slice of a project: an enum, two classes that refer to each other
 * and to the previous module (so validation resolves names across files), a recursive alias, a
 * template string, a client, a function with a Jinja prompt and a test. The same size always gives
 * the same text, so figures are comparable from run to run.
 *
 * <pre>{@code
 * Map<String, String> files = GeneratedProject.sources(1_000_000); // ~1 MB over ~50 files
 * }</pre>
 */
public final class GeneratedProject {
    private static final int MODULES_PER_FILE = 10;

    private GeneratedProject() {}

    /** Files (path → text) whose texts add up to at least {@code targetChars} characters. */
    public static Map<String, String> sources(int targetChars) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("clients.baml", clients());
        int total = files.get("clients.baml").length();
        int module = 0;
        while (total < targetChars) {
            StringBuilder file = new StringBuilder();
            for (int i = 0; i < MODULES_PER_FILE; i++) {
                appendModule(file, module++);
            }
            String path = String.format("modules/part_%03d.baml", files.size());
            files.put(path, file.toString());
            total += file.length();
        }
        return files;
    }

    /** Total characters of {@link #sources(int)}. */
    public static int size(Map<String, String> files) {
        return files.values().stream().mapToInt(String::length).sum();
    }

    /** Writes the project under {@code dir} (e.g. to check it with the official runtime). */
    public static List<Path> write(Path dir, int targetChars) throws IOException {
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, String> e : sources(targetChars).entrySet()) {
            Path p = dir.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, e.getValue(), StandardCharsets.UTF_8);
            written.add(p);
        }
        return written;
    }

    private static String clients() {
        return """
            // Shared clients and retry policies of the generated benchmark project.
            retry_policy BenchRetry {
              max_retries 2
              strategy {
                type exponential_backoff
                delay_ms 200
                multiplier 1.5
                max_delay_ms 10000
              }
            }

            client<llm> BenchHaiku {
              provider aws-bedrock
              retry_policy BenchRetry
              options {
                model "anthropic.claude-3-haiku-20240307-v1:0"
                region "us-east-1"
                inference_configuration {
                  max_tokens 512
                  temperature 0.2
                }
              }
            }

            client<llm> BenchSonnet {
              provider aws-bedrock
              options {
                model "anthropic.claude-3-5-sonnet-20240620-v1:0"
                region "us-west-2"
              }
            }

            client<llm> BenchFallback {
              provider fallback
              options {
                strategy [BenchHaiku, BenchSonnet]
              }
            }

            generator bench_java {
              output_type "python/pydantic"
              output_dir "../generated"
              version "0.226.2"
            }
            """;
    }

    private static void appendModule(StringBuilder b, int m) {
        String prev = m == 0 ? null : "Item" + (m - 1);
        String client = switch (m % 3) {
            case 0 -> "BenchHaiku";
            case 1 -> "BenchSonnet";
            default -> "BenchFallback";
        };
        b.append("/// Status values of module ").append(m).append(".\n");
        b.append("enum Status").append(m).append(" {\n");
        b.append("  OPEN @description(\"The item is open and waiting for work\")\n");
        b.append("  IN_PROGRESS @alias(\"in-progress\")\n");
        b.append("  BLOCKED @description(\"Waiting on someone else\")\n");
        b.append("  DONE\n");
        b.append("  ARCHIVED @skip\n");
        b.append("  @@alias(\"status").append(m).append("\")\n");
        b.append("}\n\n");

        b.append("class Item").append(m).append(" {\n");
        b.append("  id int @description(\"Positive, unique within the order\")\n");
        b.append("  name string @description(#\"The display name, as the customer wrote it\"#)\n");
        b.append("  tags string[] @alias(\"labels\")\n");
        b.append("  score float? @description(\"Confidence between 0 and 1\")\n");
        b.append("  status Status").append(m).append("\n");
        b.append("  kind \"task\" | \"bug\" | \"note\"\n");
        b.append("  meta map<string, string>\n");
        b.append("  parent Item").append(m).append("? // recursive\n");
        if (prev != null) {
            b.append("  previous ").append(prev).append("[]\n");
        }
        b.append("  reference int | string | null\n");
        b.append("  @@description(\"A work item of module ").append(m).append("\")\n");
        b.append("}\n\n");

        b.append("class Order").append(m).append(" {\n");
        b.append("  items Item").append(m).append("[] @stream.not_null\n");
        b.append("  total float @assert(non_negative, {{ this >= 0 }})\n");
        b.append("  lines int @check(positive_lines, {{ this > 0 }})\n");
        b.append("  currency \"EUR\" | \"USD\" @stream.done\n");
        b.append("  notes (string | int)[]\n");
        b.append("  summary Summary").append(m).append("\n");
        b.append("  @@dynamic\n");
        b.append("}\n\n");

        b.append("type Summary").append(m).append(" = string | Summary").append(m).append("[] | map<string, Summary")
                .append(m).append(">\n\n");

        b.append("template_string DescribeItem").append(m).append("(item: Item").append(m).append(") #\"\n");
        b.append("  {{ item.name }} ({{ item.status }}){% if item.tags %}, tagged {{ item.tags | join(\", \") }}{% endif %}\n");
        b.append("\"#\n\n");

        b.append("function Extract").append(m).append("(text: string, hint: Item").append(m)
                .append("?, limit: int) -> Order").append(m).append(" {\n");
        b.append("  client ").append(client).append("\n");
        b.append("  prompt #\"\n");
        b.append("    {{ _.role(\"system\") }}\n");
        b.append("    You read purchase notes for team ").append(m).append(" and list at most {{ limit }} items.\n");
        b.append("    {% if hint %}A known item: {{ DescribeItem").append(m).append("(hint) }}{% endif %}\n");
        b.append("    {{ _.role(\"user\") }}\n");
        b.append("    {{ text }}\n\n");
        b.append("    {{ ctx.output_format }}\n");
        b.append("  \"#\n");
        b.append("}\n\n");

        b.append("test Extract").append(m).append("Smoke {\n");
        b.append("  functions [Extract").append(m).append("]\n");
        b.append("  args {\n");
        b.append("    text #\"Two boxes of paper and one toner cartridge, module ").append(m).append(".\"#\n");
        b.append("    limit 5\n");
        b.append("  }\n");
        b.append("}\n\n");
    }
}
