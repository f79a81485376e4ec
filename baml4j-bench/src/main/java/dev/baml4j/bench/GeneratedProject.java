package dev.baml4j.bench;

import dev.baml4j.lang.SourceFile;
import java.util.ArrayList;
import java.util.List;

/**
 * A large, valid, deterministic BAML project for benchmarks: classes with every kind of field,
 * enums, functions with real prompts, clients and retry policies, split over several files.
 */
public final class GeneratedProject {

    private GeneratedProject() {
    }

    /** About {@code targetBytes} of BAML source, in files of roughly 64 KB. */
    public static List<SourceFile> ofSize(int targetBytes) {
        List<SourceFile> files = new ArrayList<>();
        files.add(new SourceFile("clients.baml", """
                retry_policy Patient {
                  max_retries 2
                  strategy {
                    type exponential_backoff
                    delay_ms 100
                  }
                }

                client<llm> Main {
                  provider aws-bedrock
                  retry_policy Patient
                  options {
                    model "anthropic.claude-3-5-haiku-20241022-v1:0"
                    region "us-east-1"
                    inference_configuration {
                      max_tokens 1024
                      temperature 0.2
                    }
                  }
                }
                """));
        int total = files.get(0).text().length();
        StringBuilder sb = new StringBuilder();
        int block = 0;
        while (total + sb.length() < targetBytes) {
            appendBlock(sb, block++);
            if (sb.length() > 64 * 1024) {
                total += sb.length();
                files.add(new SourceFile("gen" + files.size() + ".baml", sb.toString()));
                sb.setLength(0);
            }
        }
        if (sb.length() > 0) {
            files.add(new SourceFile("gen" + files.size() + ".baml", sb.toString()));
        }
        return files;
    }

    public static int size(List<SourceFile> files) {
        return files.stream().mapToInt(f -> f.text().length()).sum();
    }

    private static void appendBlock(StringBuilder sb, int n) {
        String prev = n == 0 ? "string" : "Item" + (n - 1) + "?";
        sb.append("/// Generated item number ").append(n).append(".\n")
          .append("class Item").append(n).append(" {\n")
          .append("  id int @description(\"the identifier\")\n")
          .append("  name string @alias(\"item_name\")\n")
          .append("  tags string[]\n")
          .append("  scores map<string, float>\n")
          .append("  kind Kind").append(n).append('\n')
          .append("  status \"open\" | \"closed\" | \"pending\"\n")
          .append("  previous ").append(prev).append('\n')
          .append("  note (string @assert(short, {{ this|length < 200 }}))?\n")
          .append("  @@description(#\"\n    Item ").append(n).append(" of the generated project.\n  \"#)\n")
          .append("}\n\n")
          .append("enum Kind").append(n).append(" {\n")
          .append("  SMALL @alias(\"small\")\n  MEDIUM\n  LARGE @description(\"big ones\")\n  HUGE @skip\n}\n\n")
          .append("function Extract").append(n).append("(text: string, hint: string?) -> Item").append(n)
          .append(" {\n  client Main\n  prompt #\"\n")
          .append("    {{ _.role(\"system\") }}\n")
          .append("    You extract items. {% if hint %}Hint: {{ hint }}{% endif %}\n")
          .append("    {{ _.role(\"user\") }}\n")
          .append("    {{ text }}\n\n    {{ ctx.output_format }}\n  \"#\n}\n\n");
    }
}
