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
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Schema-aligned parsing of an LLM reply holding a list: a fenced JSON object with a title and
 * {@code items} rows of about 21 bytes each (100 rows ≈ 2 KB, 900 ≈ 19 KB, 1800 ≈ 38 KB), the
 * shape the official runtime takes 1.3 / 10 / 47 / 189 ms on at 100 / 400 / 900 / 1800 rows.
 * {@code parse} is one final parse; {@code stream1000Chunks} feeds the same reply in 1,000 chunks
 * and builds a partial value after each.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SapBenchmark {

    static final String SCHEMA = """
            class Row {
              n int
              s string
            }
            class Table {
              title string
              items Row[]
            }
            """;

    @Param({"100", "400", "900", "1800"})
    public int rows;

    private SchemaAlignedParser parser;
    private BamlType target;
    private String reply;
    private String[] chunks;

    @Setup
    public void setup() {
        BamlProject project = BamlCompiler.compile(List.of(new SourceFile("bench.baml", SCHEMA)), ClientValidator.PERMISSIVE)
                .projectOrThrow();
        parser = new SchemaAlignedParser(project);
        target = new BamlType.ClassRef("Table");
        reply = reply(rows);
        chunks = split(reply, 1000);
    }

    /** A reply as an LLM writes it: a sentence, then the JSON in a fence. */
    static String reply(int rows) {
        StringBuilder b = new StringBuilder("Here is the table you asked for:\n```json\n{\"title\": \"inventory\", \"items\": [");
        for (int i = 0; i < rows; i++) {
            b.append(i == 0 ? "" : ", ").append("{\"n\": ").append(i % 1000).append(", \"s\": \"r").append(i % 100).append("\"}");
        }
        return b.append("]}\n```\n").toString();
    }

    static String[] split(String text, int parts) {
        String[] out = new String[parts];
        for (int i = 0; i < parts; i++) {
            out[i] = text.substring(text.length() * i / parts, text.length() * (i + 1) / parts);
        }
        return out;
    }

    @Benchmark
    public BamlValue parse() {
        return parser.parse(target, reply);
    }

    @Benchmark
    public void stream1000Chunks(Blackhole bh) {
        StreamingParse s = parser.startStream(target);
        for (String chunk : chunks) {
            bh.consume(s.feed(chunk));
        }
        bh.consume(s.finish());
    }
}
