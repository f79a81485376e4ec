package dev.baml4j.bench;

import dev.baml4j.lang.BamlCompiler;
import dev.baml4j.lang.BamlProject;
import dev.baml4j.lang.ClientValidator;
import dev.baml4j.lang.SourceFile;
import dev.baml4j.sap.SchemaAlignedParser;
import dev.baml4j.sap.StreamingParse;
import dev.baml4j.types.BamlType;
import dev.baml4j.types.BamlValue;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * SAP against reply size: a fenced JSON list of {@code items} small objects after a line of prose
 * (100 items ≈ 2.7 KB, 900 ≈ 24 KB, 1800 ≈ 48 KB), parsed whole ({@code parse}) and fed as a
 * stream in 256-character chunks (a few tokens each) with a partial after each ({@code stream}).
 * Linear parsing shows as time per item staying flat across the three sizes; the official
 * runtime's reference point is about 42 ms for 20 KB with 900 items (DESIGN.md, "Performance").
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SapScalingBenchmark {
    private static final String BAML = """
            class Row {
              id int
              tag string
              ok bool
            }
            """;
    private static final int CHUNK = 256;

    @Param({"100", "900", "1800"})
    public int items;

    private SchemaAlignedParser sap;
    private BamlType target;
    private String reply;

    @Setup
    public void setup() {
        BamlProject project = BamlCompiler.compile(List.of(new SourceFile("rows.baml", BAML)),
                ClientValidator.PERMISSIVE).projectOrThrow();
        sap = new SchemaAlignedParser(project);
        target = BamlCompiler.parseType("Row[]", project);
        StringBuilder b = new StringBuilder("Here are the rows you asked for:\n```json\n[\n");
        for (int i = 0; i < items; i++) {
            b.append("  {\"id\": ").append(i).append(", \"tag\": \"t").append(i % 97).append("\", \"ok\": ")
                    .append(i % 2 == 0).append(i + 1 < items ? "},\n" : "}\n");
        }
        reply = b.append("]\n```\n").toString();
        BamlValue v = parse();
        if (!(v instanceof BamlValue.ListValue l) || l.items().size() != items) {
            throw new IllegalStateException("SAP did not return " + items + " rows: " + v);
        }
    }

    @Benchmark
    public BamlValue parse() {
        return sap.parse(target, reply);
    }

    @Benchmark
    public BamlValue stream() {
        StreamingParse s = sap.startStream(target);
        for (int i = 0; i < reply.length(); i += CHUNK) {
            s.feed(reply.substring(i, Math.min(reply.length(), i + CHUNK)));
        }
        return s.finish();
    }
}
