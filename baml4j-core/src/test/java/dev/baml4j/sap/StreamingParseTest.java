package dev.baml4j.sap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baml4j.BamlValidationException;
import dev.baml4j.types.BamlType;
import dev.baml4j.types.BamlValue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamingParseTest {

    private final SchemaAlignedParser sap = new SchemaAlignedParser(SapConformanceTest.compile("""
            class Resume {
              name string
              email string?
              skills string[]
              years int?
            }
            """));
    private final BamlType resume = new BamlType.ClassRef("Resume");

    @Test
    void partialsGrowAsChunksArriveAndNumbersWaitForADelimiter() {
        StreamingParse s = sap.startStream(resume);
        List<String> seen = new ArrayList<>();
        for (String chunk : List.of("Sure:\n```json\n{\"na", "me\": \"Ad", "a\", \"skills\": [\"ma", "th\", \"lo",
                "gic\"], \"years\": 3", "6}\n```")) {
            BamlValue v = s.feed(chunk);
            seen.add(v == null ? null : v.toJson().toString());
        }
        assertThat(seen).containsExactly(
                "{\"name\":null,\"email\":null,\"skills\":[],\"years\":null}",
                "{\"name\":\"Ad\",\"email\":null,\"skills\":[],\"years\":null}",
                "{\"name\":\"Ada\",\"email\":null,\"skills\":[\"ma\"],\"years\":null}",
                "{\"name\":\"Ada\",\"email\":null,\"skills\":[\"math\",\"lo\"],\"years\":null}",
                "{\"name\":\"Ada\",\"email\":null,\"skills\":[\"math\",\"logic\"],\"years\":null}",
                "{\"name\":\"Ada\",\"email\":null,\"skills\":[\"math\",\"logic\"],\"years\":36}");
        assertThat(s.finish().toJson().toString())
                .isEqualTo("{\"name\":\"Ada\",\"email\":null,\"skills\":[\"math\",\"logic\"],\"years\":36}");
    }

    @Test
    void aQuoteSplitAcrossChunksIsDecidedWhenTheNextChunkArrives() {
        StreamingParse s = sap.startStream(resume);
        s.feed("{\"name\": \"say \"");
        BamlValue v = s.feed("hi\" now\", \"skills\": []}");
        assertThat(v.toJson().get("name").asText()).isEqualTo("say \"hi\" now");
    }

    @Test
    void stringTargetsStreamTheRawText() {
        StreamingParse s = sap.startStream(BamlType.STRING);
        s.feed("Hello ");
        assertThat(s.feed("\"world\"")).isEqualTo(BamlValue.of("Hello \"world\""));
    }

    @Test
    void finishFailsWithTheRawOutputWhenTheReplyDoesNotFit() {
        StreamingParse s = sap.startStream(resume);
        s.feed("I cannot help with that.");
        assertThatThrownBy(s::finish).isInstanceOf(BamlValidationException.class)
                .hasMessageContaining("Resume").hasMessageContaining("name")
                .satisfies(e -> assertThat(((BamlValidationException) e).rawOutput()).isEqualTo("I cannot help with that."));
        assertThatThrownBy(() -> s.feed("more")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void parsePartialThrowsWhenNothingFitsYet() {
        assertThatThrownBy(() -> sap.parsePartial(BamlType.INT, "12"))
                .isInstanceOf(BamlValidationException.class).hasMessageContaining("not complete");
        assertThat(sap.parse(BamlType.INT, "12")).isEqualTo(BamlValue.of(12));
    }

    @Test
    void checksAreReportedAndFailedAssertsRejectTheValue() {
        SchemaAlignedParser checked = new SchemaAlignedParser(SapConformanceTest.compile("""
                class Applicant {
                  name string @assert(non_empty, {{ this|length > 0 }})
                  age int @check(adult, {{ this >= 18 }})
                }
                """));
        BamlType applicant = new BamlType.ClassRef("Applicant");
        assertThat(checked.parse(applicant, "{\"name\": \"Bo\", \"age\": \"17\"}").toJson().toString()).isEqualTo(
                "{\"name\":\"Bo\",\"age\":{\"value\":17,\"checks\":{\"adult\":{\"name\":\"adult\","
                        + "\"expression\":\"this >= 18\",\"status\":\"failed\"}}}}");
        assertThatThrownBy(() -> checked.parse(applicant, "{\"name\": \"\", \"age\": 30}"))
                .isInstanceOf(BamlValidationException.class).hasMessageContaining("non_empty").hasMessageContaining("name");
    }

    @Test
    void partialsHandedOutEarlierNeverChangeAsTheirListsKeepGrowing() {
        StringBuilder reply = new StringBuilder("{\"name\": \"Ada\", \"skills\": [");
        for (int i = 0; i < 60; i++) {
            reply.append(i == 0 ? "" : ", ").append("\"s").append(i).append('"');
        }
        reply.append("]}");
        StreamingParse s = sap.startStream(resume);
        List<BamlValue> partials = new ArrayList<>();
        List<String> jsonWhenHandedOut = new ArrayList<>();
        for (int at = 0; at < reply.length(); at += 3) {
            BamlValue v = s.feed(reply.substring(at, Math.min(reply.length(), at + 3)));
            if (v != null) {
                partials.add(v);
                jsonWhenHandedOut.add(v.toJson().toString());
            }
        }
        assertThat(partials).hasSizeGreaterThan(60);
        for (int i = 0; i < partials.size(); i++) {
            assertThat(partials.get(i).toJson().toString()).isEqualTo(jsonWhenHandedOut.get(i));
        }
        BamlValue.ClassValue last = (BamlValue.ClassValue) partials.get(partials.size() - 1);
        assertThat(((BamlValue.ListValue) last.fields().get("skills")).items()).hasSize(60);
    }
}
