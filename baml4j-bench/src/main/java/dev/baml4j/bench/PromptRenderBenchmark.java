package dev.baml4j.bench;

import dev.baml4j.lang.BamlCompiler;
import dev.baml4j.lang.BamlProject;
import dev.baml4j.lang.ClientValidator;
import dev.baml4j.lang.FunctionDef;
import dev.baml4j.lang.SourceFile;
import dev.baml4j.prompt.ArgumentBinder;
import dev.baml4j.prompt.PromptRenderer;
import dev.baml4j.prompt.RenderContext;
import dev.baml4j.prompt.RenderedPrompt;
import dev.baml4j.types.BamlValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Render time of a realistic prompt: a system turn with cache control, a 5 KB document
 * argument, a class argument with 20 fields printed whole and field by field in a loop, and
 * {@code ctx.output_format} of a 20-field class with enums. {@code render} is the hot path (the
 * template is parsed once and cached); {@code bindAndRender} adds argument checking.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PromptRenderBenchmark {

    private PromptRenderer renderer;
    private BamlProject project;
    private FunctionDef function;
    private Map<String, Object> rawArgs;
    private Map<String, BamlValue> boundArgs;
    private RenderContext context;

    @Setup
    public void setup() {
        StringBuilder baml = new StringBuilder("""
                client<llm> Bedrock {
                  provider aws-bedrock
                  options {
                    model "anthropic.claude-3-haiku-20240307-v1:0"
                    region "us-east-1"
                  }
                }
                enum Priority {
                  LOW @description("Can wait")
                  MEDIUM
                  HIGH @alias("urgent")
                }
                class Record {
                """);
        for (int i = 0; i < 20; i++) {
            String type = switch (i % 5) {
                case 0 -> "string @description(\"Field " + i + " of the record\")";
                case 1 -> "int?";
                case 2 -> "float";
                case 3 -> "string[]";
                default -> "Priority";
            };
            baml.append("  field").append(i).append(' ').append(type).append('\n');
        }
        baml.append("""
                }
                template_string Rules(rules: string[]) #"
                  {% for r in rules %}
                  - {{ r }}
                  {% endfor %}
                "#
                function Extract(document: string, record: Record, rules: string[]) -> Record {
                  client Bedrock
                  prompt #"
                    {{ _.role("system", cache_control={"type": "ephemeral"}) }}
                    You extract records. Follow these rules:
                    {{ Rules(rules) }}
                    {{ _.role("user") }}
                    Document:
                    {{ document }}

                    An earlier record, for reference:
                    {{ record }}
                    {% for k, v in record.items() %}
                    {{ k }} = {{ v }}
                    {% endfor %}

                    {{ ctx.output_format }}
                  "#
                }
                """);
        project = BamlCompiler.compile(List.of(new SourceFile("bench.baml", baml.toString())), ClientValidator.PERMISSIVE)
                .projectOrThrow();
        function = project.function("Extract").orElseThrow();
        StringBuilder document = new StringBuilder();
        while (document.length() < 5 * 1024) {
            document.append("Line ").append(document.length()).append(": the quick brown fox jumps over the lazy dog.\n");
        }
        Map<String, Object> record = new LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            Object value = switch (i % 5) {
                case 0 -> "value " + i;
                case 1 -> i;
                case 2 -> i + 0.5;
                case 3 -> List.of("a" + i, "b" + i);
                default -> "HIGH";
            };
            record.put("field" + i, value);
        }
        rawArgs = Map.of("document", document.toString(), "record", record,
                "rules", List.of("Be exact.", "Use null for missing values.", "Never invent data."));
        boundArgs = ArgumentBinder.bind(project, function, rawArgs);
        renderer = new PromptRenderer(project);
        context = new RenderContext("Bedrock", "aws-bedrock", Map.of());
        renderer.render(function, boundArgs, context);
    }

    @Benchmark
    public RenderedPrompt render() {
        return renderer.render(function, boundArgs, context);
    }

    @Benchmark
    public RenderedPrompt bindAndRender() {
        return renderer.render(function, ArgumentBinder.bind(project, function, rawArgs), context);
    }
}
