package dev.baml4j.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baml4j.BamlInvalidArgumentException;
import dev.baml4j.lang.FunctionDef;
import dev.baml4j.types.BamlValue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArgumentBinderTest {

    private static final RenderFixture F = RenderFixture.function("""
            enum Level {
              LOW
              HIGH @alias("high-level")
            }
            class Tag {
              name string
              weight float
            }
            class Author {
              name string
              age int? @alias("years")
              tags Tag[]
              level Level
            }
            """, "a: Author, n: int, f: float, u: int | string | Tag, opt: string?, m: map<string, int>", "string", "x");

    /** A Java record argument, bound through Jackson. */
    record TagRecord(String name, double weight) {
    }

    private static Map<String, BamlValue> bind(Map<String, ?> args) {
        FunctionDef fn = F.project.function("F").orElseThrow();
        return ArgumentBinder.bind(F.project, fn, args);
    }

    private static Map<String, Object> valid() {
        Map<String, Object> args = new HashMap<>();
        args.put("a", Map.of("name", "Ann", "tags", List.of(new TagRecord("x", 1)), "level", "HIGH", "extra", 1));
        args.put("n", 3);
        args.put("f", 2);
        args.put("u", 7);
        args.put("m", Map.of("k", 1));
        return args;
    }

    @Test
    void bindsByParameterType() {
        Map<String, BamlValue> v = bind(valid());
        BamlValue.ClassValue a = (BamlValue.ClassValue) v.get("a");
        assertThat(a.fields()).containsOnlyKeys("name", "tags", "level");
        assertThat(a.fields().get("level")).isEqualTo(new BamlValue.EnumValue("Level", "HIGH"));
        assertThat(((BamlValue.ListValue) a.fields().get("tags")).items().get(0))
                .isEqualTo(new BamlValue.ClassValue("Tag", Map.of("name", BamlValue.of("x"), "weight", BamlValue.of(1.0))));
        assertThat(v.get("n")).isEqualTo(BamlValue.of(3L));
        assertThat(v.get("f")).isEqualTo(BamlValue.of(2.0));
        assertThat(v.get("u")).isEqualTo(BamlValue.of(7L));
        assertThat(v).doesNotContainKey("opt");
    }

    @Test
    void acceptsJsonNodesAndPicksTheFirstFittingUnionVariant() throws Exception {
        Map<String, Object> args = valid();
        args.put("a", new ObjectMapper().readTree("{\"name\":\"Bo\",\"age\":null,\"tags\":[],\"level\":\"LOW\"}"));
        args.put("u", Map.of("name", "t", "weight", 2.5));
        Map<String, BamlValue> v = bind(args);
        assertThat(((BamlValue.ClassValue) v.get("a")).fields().get("age")).isEqualTo(BamlValue.nullValue());
        assertThat(v.get("u")).isInstanceOf(BamlValue.ClassValue.class);
    }

    @Test
    void missingArgumentNamesFunctionParameterAndType() {
        Map<String, Object> args = valid();
        args.remove("n");
        assertThatThrownBy(() -> bind(args)).isInstanceOf(BamlInvalidArgumentException.class)
                .hasMessageContaining("Function F").hasMessageContaining("'n'").hasMessageContaining("int");
    }

    @Test
    void wronglyTypedArgumentsAreRejected() {
        Map<String, Object> args = valid();
        args.put("n", "three");
        assertThatThrownBy(() -> bind(args)).isInstanceOf(BamlInvalidArgumentException.class)
                .hasMessageContaining("'n'").hasMessageContaining("expects int").hasMessageContaining("\"three\"");
        Map<String, Object> badEnum = valid();
        badEnum.put("a", Map.of("name", "Ann", "tags", List.of(), "level", "high-level"));
        assertThatThrownBy(() -> bind(badEnum)).isInstanceOf(BamlInvalidArgumentException.class)
                .hasMessageContaining("Level").hasMessageContaining("a.level");
        Map<String, Object> missingField = valid();
        missingField.put("a", Map.of("name", "Ann", "level", "LOW"));
        assertThatThrownBy(() -> bind(missingField)).isInstanceOf(BamlInvalidArgumentException.class)
                .hasMessageContaining("required field 'tags'");
        Map<String, Object> fractional = valid();
        fractional.put("n", 2.5);
        assertThatThrownBy(() -> bind(fractional)).isInstanceOf(BamlInvalidArgumentException.class);
    }

    @Test
    void printsArgumentsAsBaml() {
        RenderFixture f = RenderFixture.function("""
                enum Level {
                  LOW
                  HIGH @alias("high-level")
                }
                class Tag {
                  name string
                  weight float
                }
                """, "tags: Tag[], levels: Level[], nested: int[][], xs: string[], fs: float[]", "string",
                "{{ tags }}|{{ levels }}|{{ nested }}|{{ xs }}|{{ fs }}");
        assertThat(f.text("F", Map.of("tags", List.of(Map.of("name", "a", "weight", 1)), "levels", List.of("LOW", "HIGH"),
                "nested", List.of(List.of(1, 2), List.of()), "xs", List.of("a \"q\"", ""), "fs", List.of(3, 1e21, 1e-7))))
                .isEqualTo("[{\n    \"name\": \"a\",\n    \"weight\": 1.0,\n}]|[LOW, high-level]|[[1, 2], []]|"
                        + "[\"a \\\"q\\\"\", \"\"]|[3.0, 1000000000000000000000.0, 0.0000001]");
    }

    @Test
    void bamlValuesAreCheckedAgainstTheParameterTypeToo() {
        Map<String, Object> args = valid();
        args.put("n", BamlValue.of(4L));
        args.put("a", new BamlValue.ClassValue("Author", Map.of("name", BamlValue.of("Ann"),
                "tags", new BamlValue.ListValue(List.of()), "level", new BamlValue.EnumValue("Level", "LOW"))));
        Map<String, BamlValue> v = bind(args);
        assertThat(v.get("n")).isEqualTo(BamlValue.of(4L));
        assertThat(((BamlValue.ClassValue) v.get("a")).fields().get("level")).isEqualTo(new BamlValue.EnumValue("Level", "LOW"));
        args.put("n", BamlValue.of("four"));
        assertThatThrownBy(() -> bind(args)).isInstanceOf(BamlInvalidArgumentException.class).hasMessageContaining("'n'");
    }
}
