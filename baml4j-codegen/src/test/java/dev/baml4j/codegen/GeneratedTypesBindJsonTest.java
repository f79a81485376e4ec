package dev.baml4j.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated types bind the JSON the runtime produces ({@code BamlValue.toJson()}: class
 * fields by BAML name, enums by value name) with a plain Jackson {@link ObjectMapper}, unions
 * included, and serialise back to the same shape (which is how arguments reach the runtime).
 */
class GeneratedTypesBindJsonTest {

    private static final String TYPES = Fixtures.RESUME + """
            class Cat {
              kind "cat"
              lives int
            }

            class Dog {
              kind "dog"
              good_boy bool
            }

            enum Color {
              RED
              GREEN
            }

            enum Stage {
              TO-DO
              DONE
            }

            class Board {
              counts map<Stage, int>
              stage Stage
            }

            type JsonValue = int | float | bool | string | null | JsonValue[] | map<string, JsonValue>

            class Mixed {
              id int | string
              pets (Cat | Dog)[]
              shade Color | int
              lists int[] | string[]
              json JsonValue
              age int @check(adult, {{ this >= 18 }})
              note string @stream.with_state
            }

            function MakeMixed(x: string) -> Mixed {
              client "aws-bedrock/model"
              prompt #"{{ x }}"#
            }
            """;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static URLClassLoader loader;

    @BeforeAll
    static void compile(@TempDir Path dir) throws Exception {
        List<GeneratedFile> files = new JavaClientGenerator(new JavaClientOptions("gen.bind", dir))
                .generate(CorpusProjects.compile(TYPES)).stream()
                .filter(f -> !f.relativePath().endsWith("/BamlClient.java"))
                .toList();
        JavaSourceCompiler.Result result = JavaSourceCompiler.compile(files, dir);
        assertThat(result.problems()).isEmpty();
        loader = new URLClassLoader(new URL[] {result.classes().toUri().toURL()}, GeneratedTypesBindJsonTest.class.getClassLoader());
    }

    @Test
    void recordBindsFieldsByBamlNameAndPicksTheUnionCaseByKeys() throws Exception {
        String json = """
                {"name": "Ada", "email": null, "start_year": 1842, "seniority": "SENIOR",
                 "skills": [{"name": "math", "years": 3}], "links": {"site": "https://ada.dev"},
                 "contact": {"address": "ada@example.com", "verified": true}}""";
        Object resume = JSON.readValue(json, type("Resume"));

        assertThat(get(resume, "name")).isEqualTo("Ada");
        assertThat(get(resume, "email")).isNull();
        assertThat(get(resume, "startYear")).isEqualTo(1842L);
        Object seniority = get(resume, "seniority");
        assertThat(seniority.toString()).isEqualTo("SENIOR");
        assertThat(get(seniority, "alias")).isEqualTo("senior-level");
        assertThat(get(((List<?>) get(resume, "skills")).get(0), "years")).isEqualTo(3L);
        assertThat(get(resume, "links")).isEqualTo(Map.of("site", "https://ada.dev"));
        Object contact = get(resume, "contact");
        assertThat(contact.getClass().getSimpleName()).isEqualTo("Email");
        assertThat(get(contact, "verified")).isEqualTo(true);

        // Serialising gives the runtime's shape back: BAML field names, enum value names.
        assertThat(JSON.readTree(JSON.writeValueAsString(resume))).isEqualTo(JSON.readTree(json));
    }

    @Test
    void partialRecordHasNullFieldsAndEmptyCollections() throws Exception {
        Object partial = JSON.readValue("{\"name\": \"Ad\", \"email\": null, \"contact\": null}", type("PartialResume"));

        assertThat(get(partial, "name")).isEqualTo("Ad");
        assertThat(get(partial, "startYear")).isNull();
        assertThat(get(partial, "skills")).isEqualTo(List.of());
        assertThat(get(partial, "links")).isEqualTo(Map.of());

        Object withContact = JSON.readValue("{\"name\": \"Ada\", \"contact\": {\"address\": \"ada@\", \"verified\": null}}",
                type("PartialResume"));
        Object contact = get(withContact, "contact");
        assertThat(contact.getClass().getSimpleName()).isEqualTo("PartialEmail");
        assertThat(get(contact, "address")).isEqualTo("ada@");
        assertThat(get(contact, "verified")).isNull();
    }

    @Test
    void unionsOfPrimitivesListsEnumsAndClassesBindToTheirCases() throws Exception {
        String json = """
                {"id": "A-7", "pets": [{"kind": "dog", "good_boy": true}, {"kind": "cat", "lives": 9}],
                 "shade": "GREEN", "lists": ["a", "b"], "json": {"k": [1, 2.5, "x", true, null]},
                 "age": {"value": 20, "checks": {"adult": {"name": "adult", "expression": "this >= 18", "status": "succeeded"}}},
                 "note": "hello"}""";
        Object mixed = JSON.readValue(json, type("Mixed"));

        assertThat(caseName(get(mixed, "id"))).isEqualTo("StringValue");
        assertThat(get(get(mixed, "id"), "value")).isEqualTo("A-7");
        List<?> pets = (List<?>) get(mixed, "pets");
        assertThat(pets).extracting(p -> p.getClass().getSimpleName()).containsExactly("Dog", "Cat");
        assertThat(caseName(get(mixed, "shade"))).isEqualTo("ColorValue");
        assertThat(get(get(mixed, "shade"), "value").toString()).isEqualTo("GREEN");
        assertThat(caseName(get(mixed, "lists"))).isEqualTo("StringList");
        Object jsonValue = get(mixed, "json");
        assertThat(caseName(jsonValue)).isEqualTo("JsonValueMap");
        List<?> items = (List<?>) get(((Map<?, ?>) get(jsonValue, "value")).get("k"), "value");
        assertThat(items).extracting(i -> i == null ? "null" : caseName(i))
                .containsExactly("IntValue", "FloatValue", "StringValue", "BoolValue", "null");
        Object age = get(mixed, "age");
        assertThat(get(age, "value")).isEqualTo(20L);
        assertThat(get(age, "allPassed")).isEqualTo(true);

        Object numeric = JSON.readValue("{\"id\": 7, \"shade\": 3, \"lists\": [], \"pets\": []}", type("Mixed"));
        assertThat(caseName(get(numeric, "id"))).isEqualTo("IntValue");
        assertThat(get(get(numeric, "id"), "value")).isEqualTo(7L);
        assertThat(caseName(get(numeric, "shade"))).isEqualTo("IntValue");
        assertThat(caseName(get(numeric, "lists"))).isEqualTo("IntList");

        JsonNode back = JSON.readTree(JSON.writeValueAsString(mixed));
        assertThat(back.get("id").asText()).isEqualTo("A-7");
        assertThat(back.get("json")).isEqualTo(JSON.readTree("{\"k\": [1, 2.5, \"x\", true, null]}"));
    }

    @Test
    void enumValuesThatAreNotJavaNamesBindAsValuesAndAsMapKeys() throws Exception {
        String json = "{\"counts\": {\"TO-DO\": 2, \"DONE\": 5}, \"stage\": \"TO-DO\"}";
        Object board = JSON.readValue(json, type("Board"));

        Object stage = get(board, "stage");
        assertThat(stage.toString()).isEqualTo("TO_DO");
        assertThat(get(stage, "valueName")).isEqualTo("TO-DO");
        assertThat(((Map<?, ?>) get(board, "counts")).keySet()).extracting(Object::toString)
                .containsExactlyInAnyOrder("TO_DO", "DONE");
        assertThat(JSON.readTree(JSON.writeValueAsString(board))).isEqualTo(JSON.readTree(json));
    }

    @Test
    void streamStateFieldsBindInThePartialRecord() throws Exception {
        Object partial = JSON.readValue("{\"note\": {\"state\": \"Incomplete\", \"value\": \"hel\"}, \"pets\": []}",
                type("PartialMixed"));
        Object note = get(partial, "note");
        assertThat(get(note, "state").toString()).isEqualTo("INCOMPLETE");
        assertThat(get(note, "value")).isEqualTo("hel");
    }

    @Test
    void unknownJsonShapeForAUnionIsAClearMappingError() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> JSON.readValue("{\"id\": true}", type("Mixed")))
                .hasMessageContaining("none of int | string");
    }

    private static Class<?> type(String simpleName) throws ClassNotFoundException {
        return loader.loadClass("gen.bind." + simpleName);
    }

    private static String caseName(Object value) {
        return value.getClass().getSimpleName();
    }

    private static Object get(Object target, String accessor) throws Exception {
        Method m = target.getClass().getMethod(accessor);
        m.setAccessible(true);
        return m.invoke(target);
    }
}
