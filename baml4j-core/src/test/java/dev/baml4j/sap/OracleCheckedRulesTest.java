package dev.baml4j.sap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baml4j.BamlValidationException;
import dev.baml4j.types.BamlType;
import org.junit.jupiter.api.Test;

/** Rules settled by asking the official runtime (ask-baml 0.226.2) about inputs outside the corpus. */
class OracleCheckedRulesTest {

    private final SchemaAlignedParser sap = new SchemaAlignedParser(SapConformanceTest.compile("""
            class Exp {
              company string
              title string
            }
            """));
    private final BamlType strings = new BamlType.ListOf(BamlType.STRING);
    private final BamlType exp = new BamlType.ClassRef("Exp");

    @Test
    void severalJsonValuesInProseGiveTheirTextsToAStringList() {
        assertThat(sap.parse(strings, "{\"k\": \"a\"} {\"k\": \"b\"}").toJson().toString())
                .isEqualTo("[\"{\\\"k\\\": \\\"a\\\"}\",\"{\\\"k\\\": \\\"b\\\"}\"]");
        assertThat(sap.parse(strings, "x [\"a\", \"b\"] y").toJson().toString()).isEqualTo("[\"a\",\"b\"]");
    }

    @Test
    void aOneWordUnquotedValueEndsAtTheNextBareKey() {
        assertThat(sap.parse(exp, "{company: Transmeta, title: engi}").toJson().toString())
                .isEqualTo("{\"company\":\"Transmeta\",\"title\":\"engi\"}");
        assertThat(sap.parse(exp, "{company: Trans-meta, title: a b}").toJson().toString())
                .isEqualTo("{\"company\":\"Trans-meta\",\"title\":\"a b\"}");
    }

    @Test
    void anUnquotedValueWithSpacesRunsOn() {
        assertThatThrownBy(() -> sap.parse(exp, "{company: Trans meta, title: engi}"))
                .isInstanceOf(BamlValidationException.class).hasMessageContaining("title");
    }
}
