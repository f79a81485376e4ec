package dev.baml4j.sap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baml4j.BamlValidationException;
import dev.baml4j.lang.BamlProject;
import dev.baml4j.types.BamlType;
import dev.baml4j.types.BamlValue;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Random and mutated replies: the parser answers or throws BamlValidationException, nothing else. */
class SapPropertyTest {

    private static final BamlProject PROJECT = SapConformanceTest.compile("""
            enum Color {
              RED
              GREEN @alias("verde")
            }
            class Step {
              id int
              text string @stream.done
            }
            class Plan {
              title string @stream.not_null
              steps Step[]
              color Color?
              tags map<string, float>
              note string @stream.with_state
            }
            type JsonValue = int | float | bool | string | null | JsonValue[] | map<string, JsonValue>
            """);
    private static final String VALID = "Here you go:\n```json\n{\"title\": \"Trip\", \"steps\": [{\"id\": 1, \"text\": \"pack\"},"
            + " {\"id\": 2, \"text\": \"drive\"}], \"color\": \"verde\", \"tags\": {\"a\": 1.5}, \"note\": \"ok\"}\n```\n";
    private static final List<BamlType> TARGETS = List.of(new BamlType.ClassRef("Plan"),
            new BamlType.ListOf(new BamlType.ClassRef("Step")), new BamlType.AliasRef("JsonValue"),
            new BamlType.EnumRef("Color"), BamlType.INT, new BamlType.Optional(BamlType.FLOAT),
            new BamlType.Union(List.of(BamlType.BOOL, new BamlType.ClassRef("Step"))));

    private final SchemaAlignedParser sap = new SchemaAlignedParser(PROJECT);

    @Property(tries = 300)
    void mutatedRepliesNeverEscapeAsOtherExceptions(@ForAll("mutations") String text,
            @ForAll @IntRange(min = 0, max = 6) int target) {
        BamlType type = TARGETS.get(target);
        expectAnswerOrValidationError(() -> sap.parse(type, text));
        expectAnswerOrValidationError(() -> sap.parsePartial(type, text));
    }

    @Property(tries = 200)
    void randomTextNeverEscapesAsOtherExceptions(@ForAll("noise") String text, @ForAll @IntRange(min = 0, max = 6) int target) {
        expectAnswerOrValidationError(() -> sap.parse(TARGETS.get(target), text));
    }

    @Property(tries = 100)
    void chunkedStreamingAgreesWithOneShotPartialParse(@ForAll @IntRange(min = 1, max = 40) int chunk,
            @ForAll @IntRange(min = 0, max = 200) int cut) {
        String prefix = VALID.substring(0, Math.min(cut, VALID.length()));
        BamlType plan = new BamlType.ClassRef("Plan");
        StreamingParse s = sap.startStream(plan);
        BamlValue last = null;
        for (int i = 0; i < prefix.length(); i += chunk) {
            last = s.feed(prefix.substring(i, Math.min(prefix.length(), i + chunk)));
        }
        BamlValue oneShot;
        try {
            oneShot = sap.parsePartial(plan, prefix);
        } catch (BamlValidationException e) {
            oneShot = null;
        }
        if (!prefix.isEmpty()) {
            assertThat(last == null ? null : last.toJson()).isEqualTo(oneShot == null ? null : oneShot.toJson());
        }
    }

    private static void expectAnswerOrValidationError(Runnable r) {
        try {
            r.run();
        } catch (BamlValidationException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<String> mutations() {
        Arbitrary<Integer> at = Arbitraries.integers().between(0, VALID.length());
        Arbitrary<String> insert = Arbitraries.of("{", "}", "[", "]", "\"", "'", ",", ":", "\\", "\n", "//", "/*", "```",
                "null", "True", "1e309", "-", "`", "\"\"\"", "\u00e9");
        return Arbitraries.integers().between(1, 8).flatMap(n -> at.list().ofSize(n).flatMap(points ->
                insert.list().ofSize(n).map(parts -> {
                    StringBuilder b = new StringBuilder(VALID);
                    for (int i = 0; i < n; i++) {
                        int p = Math.min(points.get(i), b.length());
                        if (i % 3 == 2 && p < b.length()) {
                            b.deleteCharAt(p);
                        } else {
                            b.insert(p, parts.get(i));
                        }
                    }
                    return b.toString();
                })));
    }

    @Provide
    Arbitrary<String> noise() {
        return Arbitraries.strings().withChars("{}[]\"':,\\/*`\n tfnul0123456789.-eE#abcRED").ofMaxLength(200);
    }
}
