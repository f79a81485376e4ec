package dev.baml4j.lang;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baml4j.types.Attribute;
import dev.baml4j.types.BamlType;
import dev.baml4j.types.ConfigValue;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParserTest {

    private static final String CLIENT = "client<llm> C {\n  provider aws-bedrock\n  options {\n    model m\n  }\n}\n";

    @Test
    void parsesClassWithFieldsAttributesAndDocComments() {
        BamlProject p = Sources.project("""
                /// A person.
                class Person {
                  /// Their full name.
                  name string @alias("full_name") @description("the name")
                  age int?
                    @check(adult, {{ this >= 18 }})
                  tags string[]
                  @@dynamic
                }
                """);
        ClassDef person = p.classDef("Person").orElseThrow();
        assertThat(person.docComment()).isEqualTo("A person.");
        assertThat(person.isDynamic()).isTrue();
        assertThat(person.fields()).extracting(FieldDef::name).containsExactly("name", "age", "tags");
        FieldDef name = person.fields().get(0);
        assertThat(name.docComment()).isEqualTo("Their full name.");
        assertThat(name.renderedName()).isEqualTo("full_name");
        assertThat(name.description()).contains("the name");
        FieldDef age = person.fields().get(1);
        assertThat(age.type()).isEqualTo(new BamlType.Optional(BamlType.INT));
        assertThat(age.constraints()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("adult");
            assertThat(c.expression()).isEqualTo("this >= 18");
        });
        assertThat(person.fields().get(2).type()).isEqualTo(new BamlType.ListOf(BamlType.STRING));
    }

    @Test
    void parsesEnumsWithValueAttributes() {
        BamlProject p = Sources.project("""
                enum Color {
                  RED @alias("red") @description("warm")
                  /// cool
                  BLUE
                  GREEN @skip
                  @@alias("Colour")
                }
                """);
        EnumDef color = p.enumDef("Color").orElseThrow();
        assertThat(color.values()).extracting(EnumValueDef::name).containsExactly("RED", "BLUE", "GREEN");
        assertThat(color.values().get(0).renderedName()).isEqualTo("red");
        assertThat(color.values().get(1).docComment()).isEqualTo("cool");
        assertThat(color.values().get(2).isSkipped()).isTrue();
        assertThat(color.attributeString("alias")).contains("Colour");
    }

    @Test
    void resolvesEveryKindOfTypeExpression() {
        BamlProject p = Sources.project("""
                class A {
                  a "x" | "y"
                  b 1 | -2 | true
                  c map<string, int[]>
                  d (int | string)?
                  e int | string?
                  f int | null | string
                  g (string @assert(ok, {{ this|length > 0 }}))[]
                  h B[][]
                  i image?
                  j map<"k" | "l", E>
                  k null
                }
                class B {
                  x int
                }
                enum E {
                  V
                }
                type J = int | J[] | map<string, J>
                """);
        ClassDef a = p.classDef("A").orElseThrow();
        BamlType intOrString = new BamlType.Union(List.of(BamlType.INT, BamlType.STRING));
        assertThat(type(a, "a")).isEqualTo(new BamlType.Union(List.of(new BamlType.Literal("x"), new BamlType.Literal("y"))));
        assertThat(type(a, "b")).isEqualTo(new BamlType.Union(List.of(new BamlType.Literal(1L),
                new BamlType.Literal(-2L), new BamlType.Literal(true))));
        assertThat(type(a, "c")).isEqualTo(new BamlType.MapOf(BamlType.STRING, new BamlType.ListOf(BamlType.INT)));
        assertThat(type(a, "d")).isEqualTo(new BamlType.Optional(intOrString));
        assertThat(type(a, "e")).isEqualTo(new BamlType.Optional(intOrString));
        assertThat(type(a, "f")).isEqualTo(new BamlType.Optional(intOrString));
        BamlType g = type(a, "g");
        assertThat(g).isInstanceOf(BamlType.ListOf.class);
        BamlType element = ((BamlType.ListOf) g).element();
        assertThat(element).isInstanceOf(BamlType.Annotated.class);
        assertThat(element.unannotated()).isEqualTo(BamlType.STRING);
        assertThat(((BamlType.Annotated) element).attributes()).extracting(Attribute::name).containsExactly("assert");
        assertThat(type(a, "h")).isEqualTo(new BamlType.ListOf(new BamlType.ListOf(new BamlType.ClassRef("B"))));
        assertThat(type(a, "i")).isEqualTo(new BamlType.Optional(new BamlType.Media(BamlType.MediaKind.IMAGE)));
        assertThat(type(a, "j")).isEqualTo(new BamlType.MapOf(new BamlType.Union(List.of(new BamlType.Literal("k"),
                new BamlType.Literal("l"))), new BamlType.EnumRef("E")));
        assertThat(type(a, "k")).isEqualTo(BamlType.NULL);
        assertThat(p.aliases().get("J").type()).isEqualTo(new BamlType.Union(List.of(BamlType.INT,
                new BamlType.ListOf(new BamlType.AliasRef("J")),
                new BamlType.MapOf(BamlType.STRING, new BamlType.AliasRef("J")))));
    }

    private static BamlType type(ClassDef c, String field) {
        return c.field(field).orElseThrow().type();
    }

    @Test
    void parsesFunctionsWithParamsPromptAndClient() {
        BamlProject p = Sources.project(CLIENT + """
                function Extract(text: string, img: image?, n: int @assert({{ this > 0 }}),) -> string[] {
                  client C
                  prompt #"
                    Hello {{ text }}

                      indented
                  "#
                }
                """);
        FunctionDef f = p.function("Extract").orElseThrow();
        assertThat(f.params()).extracting(ParamDef::name).containsExactly("text", "img", "n");
        assertThat(f.params().get(2).constraints()).hasSize(1);
        assertThat(f.returnType()).isEqualTo(new BamlType.ListOf(BamlType.STRING));
        assertThat(f.client()).isEqualTo("C");
        assertThat(f.prompt().text()).isEqualTo("Hello {{ text }}\n\n  indented");
        assertThat(f.prompt().firstLine()).isEqualTo(10);
    }

    @Test
    void shorthandClientBecomesAClientNamedByTheShorthand() {
        BamlProject p = Sources.project("""
                function F(x: string) -> string {
                  client "aws-bedrock/anthropic.claude-3-haiku-20240307-v1:0"
                  prompt #"{{ x }}"#
                }
                """);
        String name = "aws-bedrock/anthropic.claude-3-haiku-20240307-v1:0";
        assertThat(p.function("F").orElseThrow().client()).isEqualTo(name);
        ClientDef c = p.client(name).orElseThrow();
        assertThat(c.provider()).isEqualTo("aws-bedrock");
        assertThat(c.options().get("model").flatMap(ConfigValue::asString))
                .contains("anthropic.claude-3-haiku-20240307-v1:0");
    }

    @Test
    void parsesClientOptionValuesOfEveryKind() {
        BamlProject p = Sources.project("""
                retry_policy Twice {
                  max_retries 2
                  strategy {
                    type exponential_backoff
                    delay_ms 100
                    multiplier 2
                  }
                }
                client<llm> C {
                  provider "aws-bedrock"
                  retry_policy Twice
                  options {
                    model anthropic.claude-3-haiku-20240307-v1:0 // trailing comment
                    region env.AWS_REGION
                    endpoint_url https://example.com/v1
                    temperature 0.5
                    max -1
                    stream true
                    nothing null
                    stops ["a", b,
                      // comment between elements
                      "c",]
                    nested { "quoted key": 1, inner { deep #"raw "value""# } }
                    raw ##"has "# inside"##
                    esc "a\\tb\\x41\\q"
                  }
                }
                """);
        ClientDef c = p.client("C").orElseThrow();
        assertThat(c.retryPolicy()).isEqualTo("Twice");
        ConfigValue.MapLit o = c.options();
        assertThat(o.get("model").flatMap(ConfigValue::asString)).contains("anthropic.claude-3-haiku-20240307-v1:0");
        assertThat(o.get("region")).get().isEqualTo(new ConfigValue.EnvRef("AWS_REGION", o.get("region").get().span()));
        assertThat(o.get("endpoint_url").flatMap(ConfigValue::asString)).contains("https://example.com/v1");
        assertThat(o.get("temperature").get()).isInstanceOfSatisfying(ConfigValue.NumberLit.class,
                n -> assertThat(n.text()).isEqualTo("0.5"));
        assertThat(((ConfigValue.NumberLit) o.get("max").get()).text()).isEqualTo("-1");
        assertThat(o.get("stream").get()).isInstanceOfSatisfying(ConfigValue.BoolLit.class,
                b -> assertThat(b.value()).isTrue());
        assertThat(o.get("nothing").get()).isInstanceOf(ConfigValue.NullLit.class);
        ConfigValue.ArrayLit stops = (ConfigValue.ArrayLit) o.get("stops").get();
        assertThat(stops.items()).extracting(v -> v.asString().orElseThrow()).containsExactly("a", "b", "c");
        ConfigValue.MapLit nested = (ConfigValue.MapLit) o.get("nested").get();
        assertThat(nested.get("quoted key")).get().isInstanceOf(ConfigValue.NumberLit.class);
        ConfigValue.MapLit inner = (ConfigValue.MapLit) nested.get("inner").get();
        assertThat(inner.get("deep").flatMap(ConfigValue::asString)).contains("raw \"value\"");
        assertThat(o.get("raw").flatMap(ConfigValue::asString)).contains("has \"# inside");
        assertThat(o.get("esc").flatMap(ConfigValue::asString)).contains("a\tbA\\q");
        RetryPolicyDef r = p.retryPolicies().get("Twice");
        assertThat(r.maxRetries()).isEqualTo(2);
        assertThat(r.strategy()).isEqualTo(new RetryPolicyDef.ExponentialBackoff(100, 2.0, 10000));
    }

    @Test
    void retryPolicyDefaultsToConstantDelayOf200Ms() {
        BamlProject p = Sources.project("retry_policy R {\n  max_retries 3\n}\n");
        assertThat(p.retryPolicies().get("R").strategy()).isEqualTo(new RetryPolicyDef.ConstantDelay(200));
        assertThat(p.retryPolicies().get("R").maxRetries()).isEqualTo(3);
    }

    @Test
    void parsesTemplateStringsTestsGeneratorsAndComments() {
        BamlProject p = Sources.project(CLIENT + """
                {// a block comment
                   spanning lines //}
                template_string Greeting(name: string) #"Hello, {{ name }}!"#
                string_template NoArgs #"fixed"#
                function F(x: string, pic: image, call: string) -> string {
                  client C
                  prompt #"{{ Greeting(x) }}"#
                }
                test FTest {
                  functions [F]
                  args {
                    x "hello"
                    pic { url "https://example.com/a.png" }
                    call Greeting("x")
                  }
                  type_builder {
                    class Extra {
                      y int
                    }
                  }
                  @@assert({{ this|length > 0 }})
                }
                generator target {
                  output_type "python/pydantic"
                  output_dir "../"
                  version "0.226.2"
                }
                """);
        assertThat(p.templateStrings()).containsOnlyKeys("Greeting", "NoArgs");
        assertThat(p.templateStrings().get("Greeting").template().text()).isEqualTo("Hello, {{ name }}!");
        assertThat(p.templateStrings().get("NoArgs").params()).isEmpty();
        TestDef t = p.tests().get(0);
        assertThat(t.functions()).containsExactly("F");
        assertThat(t.args().get("x").flatMap(ConfigValue::asString)).contains("hello");
        assertThat(t.args().get("call").get()).isInstanceOf(ConfigValue.TemplateCall.class);
        assertThat(t.constraints()).hasSize(1);
        assertThat(p.generators().get(0).options().get("output_type").flatMap(ConfigValue::asString))
                .contains("python/pydantic");
    }

    @Test
    void acceptsOneLineBlocksLikeBaml0226() {
        BamlProject p = Sources.project("class A { x int y string }\n"
                + "function F(t: string) -> A { client \"aws-bedrock/m\" prompt #\"hi\"# }\n");
        assertThat(p.classDef("A").orElseThrow().fields()).extracting(FieldDef::name).containsExactly("x", "y");
        assertThat(p.function("F").orElseThrow().prompt().text()).isEqualTo("hi");
    }

    @Test
    void unquotedStringsKeepInnerSpacesInsideMapsAndAttributes() {
        BamlProject p = Sources.project("enum E {\n  THREE @alias(NUMBER THREE)\n}\n"
                + "client<llm> C {\n  provider aws-bedrock\n  options { note some words here }\n}\n");
        assertThat(p.enumDef("E").orElseThrow().values().get(0).renderedName()).isEqualTo("NUMBER THREE");
        assertThat(p.client("C").orElseThrow().options().get("note").flatMap(ConfigValue::asString))
                .contains("some words here");
    }

    @Test
    void rawStringsAreNormalised() {
        BamlProject p = Sources.project("""
                class A {
                  x string @description(#"

                      first
                        second
                    "#)
                }
                """);
        assertThat(p.classDef("A").orElseThrow().fields().get(0).description()).contains("first\n  second");
    }

    @Test
    void acceptsByteOrderMarkAndWindowsLineEndings() {
        String src = "\uFEFFclass A {\r\n  x string @description(#\"\r\n    one\r\n    two\r\n  \"#)\r\n}\r\n"
                + "function F(a: A) -> string {\r\n  client \"aws-bedrock/m\"\r\n  prompt #\"\r\n    hi\r\n    {{ a }}\r\n  \"#\r\n}\r\n";
        BamlProject p = Sources.project(src);
        assertThat(p.classDef("A").orElseThrow().fields().get(0).description()).contains("one\ntwo");
        assertThat(p.function("F").orElseThrow().prompt().text()).isEqualTo("hi\n{{ a }}");
    }
}
