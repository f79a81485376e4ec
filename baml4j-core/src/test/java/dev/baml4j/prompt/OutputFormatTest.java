package dev.baml4j.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code ctx.output_format}, byte for byte against the outputs verified in the language spec (§2.5). */
class OutputFormatTest {

    private static final String SCHEMA = """
            class Person {
              name string @description("Full name")
              age int?
              tags string[]
            }
            class Described {
              title string
              @@description("A described class")
            }
            enum Sentiment {
              POS @alias("positive") @description("Happy tone")
              NEG
            }
            enum Color {
              RED
              GREEN
              BLUE
            }
            enum Big {
              A
              B
              C
              D
              E
              F
              G
            }
            enum Aliased {
              X
              Y
              @@alias("EnumAlias")
            }
            class WithEnums {
              color Color
              sentiment Sentiment
              colors Color[]
              big Big
            }
            class Node {
              data int
              next Node?
            }
            class Nested {
              inner Person
              m map<string, int>
              u int | string | null
              lit "a" | "b"
            }
            class Wrap2 {
              n Node
              p Person
            }
            """;

    private static final String PERSON = "{\n  // Full name\n  name: string,\n  age: int or null,\n  tags: string[],\n}";

    private static String format(String returnType) {
        return format(returnType, "ctx.output_format");
    }

    private static String format(String returnType, String expression) {
        RenderFixture f = RenderFixture.function(SCHEMA, "x: string", returnType, "{{ " + expression + " }}");
        return ((ChatPart.Text) f.render("F", Map.of("x", "")).messages().get(0).parts().get(0)).text();
    }

    @Test
    void primitivesAndString() {
        assertThat(format("string")).isEmpty();
        assertThat(format("int")).isEqualTo("Answer as an int");
        assertThat(format("float")).isEqualTo("Answer as a float");
        assertThat(format("bool")).isEqualTo("Answer as a bool");
    }

    @Test
    void classes() {
        assertThat(format("Person")).isEqualTo("Answer in JSON using this schema:\n" + PERSON);
        assertThat(format("Person?")).isEqualTo("Answer in JSON using this schema:\n" + PERSON + " or null");
        assertThat(format("Person[]")).isEqualTo("Answer with a JSON Array using this schema:\n[\n  {\n    // Full name\n"
                + "    name: string,\n    age: int or null,\n    tags: string[],\n  }\n]");
        assertThat(format("Described")).isEqualTo(
                "Answer in JSON using this schema:\n{\n  // A described class\n\n  title: string,\n}");
        assertThat(format("Nested")).isEqualTo("Answer in JSON using this schema:\n{\n  inner: {\n    // Full name\n"
                + "    name: string,\n    age: int or null,\n    tags: string[],\n  },\n  m: map<string, int>,\n"
                + "  u: int or string or null,\n  lit: \"a\" or \"b\",\n}");
        assertThat(format("map<string, Person>")).isEqualTo("Answer in JSON using this schema:\nmap<string, " + PERSON + ">");
    }

    @Test
    void enums() {
        assertThat(format("Sentiment")).isEqualTo(
                "Answer with any of the categories:\nSentiment\n----\n- positive: Happy tone\n- NEG");
        assertThat(format("Color")).isEqualTo("Answer with any of the categories:\nColor\n----\n- RED\n- GREEN\n- BLUE");
        assertThat(format("Color[]")).isEqualTo("Answer with a JSON Array using this schema:\n[\n  'RED' or 'GREEN' or 'BLUE'\n]");
        assertThat(format("WithEnums")).isEqualTo("Big\n----\n- A\n- B\n- C\n- D\n- E\n- F\n- G\n\nSentiment\n----\n"
                + "- positive: Happy tone\n- NEG\n\nAnswer in JSON using this schema:\n{\n  color: 'RED' or 'GREEN' or 'BLUE',\n"
                + "  sentiment: Sentiment,\n  colors: [\n    'RED' or 'GREEN' or 'BLUE'\n  ],\n  big: Big,\n}");
        assertThat(format("Aliased", "ctx.output_format(enum_value_prefix=none)"))
                .isEqualTo("Answer with any of the categories:\nEnumAlias\n----\nX\nY");
    }

    @Test
    void recursionUnionsAndLiterals() {
        assertThat(format("Node")).isEqualTo("Node {\n  data: int,\n  next: Node or null,\n}\n\nAnswer in JSON using this schema: Node");
        assertThat(format("int | string")).isEqualTo("Answer in JSON using any of these schemas:\nint or string");
        assertThat(format("Person | Described")).isEqualTo("Answer in JSON using any of these schemas:\n" + PERSON
                + " or {\n  // A described class\n\n  title: string,\n}");
        assertThat(format("\"bug\" | \"feature\"")).isEqualTo("Answer in JSON using any of these schemas:\n\"bug\" or \"feature\"");
        assertThat(format("\"bug\"")).isEqualTo("Answer using this specific value:\n\"bug\"");
    }

    @Test
    void options() {
        assertThat(format("WithEnums",
                "ctx.output_format(prefix=\"Schema:\\n\", or_splitter=\" | \", always_hoist_enums=true, quote_class_fields=true)"))
                .isEqualTo("Big\n----\n- A\n- B\n- C\n- D\n- E\n- F\n- G\n\nColor\n----\n- RED\n- GREEN\n- BLUE\n\n"
                        + "Sentiment\n----\n- positive: Happy tone\n- NEG\n\nSchema:\n{\n  \"color\": Color,\n"
                        + "  \"sentiment\": Sentiment,\n  \"colors\": Color[],\n  \"big\": Big,\n}");
        assertThat(format("Wrap2", "ctx.output_format(hoisted_class_prefix=\"interface\")")).isEqualTo(
                "interface Node {\n  data: int,\n  next: Node or null,\n}\n\nAnswer in JSON using this interface:\n{\n"
                        + "  n: Node,\n  p: {\n    // Full name\n    name: string,\n    age: int or null,\n    tags: string[],\n  },\n}");
        assertThat(format("Wrap2", "ctx.output_format(hoist_classes=true)")).isEqualTo(
                "Node {\n  data: int,\n  next: Node or null,\n}\n\nWrap2 {\n  n: Node,\n  p: Person,\n}\n\nPerson {\n"
                        + "  // Full name\n  name: string,\n  age: int or null,\n  tags: string[],\n}\n\n"
                        + "Answer in JSON using this schema: Wrap2");
        assertThat(format("map<string, int>", "ctx.output_format(map_style=\"object\")"))
                .isEqualTo("Answer in JSON using this schema:\n{string: int}");
    }

    @Test
    void badOptionsAreRenderErrors() {
        assertThatThrownBy(() -> format("Person", "ctx.output_format(colour=true)"))
                .isInstanceOf(PromptRenderException.class).hasMessageContaining("colour");
        assertThatThrownBy(() -> format("Person", "ctx.output_format(hoist_classes=[\"Nope\"])"))
                .isInstanceOf(PromptRenderException.class).hasMessageContaining("Nope");
        assertThatThrownBy(() -> format("Person", "ctx.output_format(\"x\")"))
                .isInstanceOf(PromptRenderException.class).hasMessageContaining("keyword");
    }
}
