package dev.baml4j.sap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baml4j.BamlValidationException;
import dev.baml4j.lang.BamlProject;
import dev.baml4j.types.BamlType;
import dev.baml4j.types.BamlValue;
import org.junit.jupiter.api.Test;

/** Hostile inputs: deep nesting and very large replies give an answer or a clear error, never a crash. */
class SapRobustnessTest {

    private static final BamlProject PROJECT = SapConformanceTest.compile("""
            class Item {
              id int
              name string
            }
            type JsonValue = int | float | bool | string | null | JsonValue[] | map<string, JsonValue>
            """);
    private final SchemaAlignedParser sap = new SchemaAlignedParser(PROJECT);

    @Test
    void hundredThousandNestedBracketsGiveAClearError() {
        String text = "[".repeat(100_000) + "1" + "]".repeat(100_000);
        assertThatThrownBy(() -> sap.parse(new BamlType.ListOf(BamlType.INT), text))
                .isInstanceOf(BamlValidationException.class)
                .hasMessageContaining("deeper than");
    }

    @Test
    void hundredThousandUnclosedBracketsGiveAClearErrorWhileStreaming() {
        StreamingParse s = sap.startStream(new BamlType.AliasRef("JsonValue"));
        BamlValue last = BamlValue.nullValue();
        for (int i = 0; i < 100; i++) {
            last = s.feed("{\"a\":[".repeat(500));
        }
        assertThat(last).as("no partial once the nesting is too deep").isNull();
        assertThatThrownBy(s::finish).isInstanceOf(BamlValidationException.class).hasMessageContaining("deeper than");
    }

    @Test
    void deepButAllowedNestingParsesWithoutOverflow() {
        String text = "[".repeat(100) + "7" + "]".repeat(100);
        BamlValue v = sap.parse(new BamlType.AliasRef("JsonValue"), text);
        for (int i = 0; i < 100; i++) {
            v = ((BamlValue.ListValue) v).items().get(0);
        }
        assertThat(v).isEqualTo(BamlValue.of(7));
    }

    @Test
    void fiftyMegabyteReplyParsesIntoAList() {
        String item = "{\"id\": 1, \"name\": \"" + "x".repeat(1000) + "\"},";
        int count = 50 * 1024 * 1024 / item.length();
        StringBuilder b = new StringBuilder(count * item.length() + 2).append('[');
        for (int i = 0; i < count; i++) {
            b.append(item);
        }
        b.setLength(b.length() - 1);
        b.append(']');
        BamlValue v = sap.parse(new BamlType.ListOf(new BamlType.ClassRef("Item")), b.toString());
        assertThat(((BamlValue.ListValue) v).items()).hasSize(count);
    }

    @Test
    void fiftyMegabytesOfProseIsRejectedCleanly() {
        String text = "no json here, just words ".repeat(2 * 1024 * 1024);
        assertThatThrownBy(() -> sap.parse(new BamlType.ClassRef("Item"), text))
                .isInstanceOf(BamlValidationException.class)
                .satisfies(e -> assertThat(((BamlValidationException) e).rawOutput()).hasSize(text.length()));
    }
}
