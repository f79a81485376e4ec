package dev.baml4j.lang;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiagnosticsTest {

    @Test
    void unknownTypeSuggestsTheClosestName() {
        List<Diagnostic> ds = Sources.diagnostics("class Resume {\n  name string\n}\nclass A {\n  r Resme\n}\n");
        assertThat(ds).singleElement().satisfies(d -> {
            assertThat(d.message()).isEqualTo("unknown type `Resme`");
            assertThat(d.hint()).isEqualTo("did you mean `Resume`?");
            assertThat(d.span().toString()).isEqualTo("main.baml:5:5");
        });
    }

    @Test
    void renderShowsLocationSourceLineCaretAndHint() {
        String src = "class Resume {\n  name string\n}\nclass A {\n  r Resme\n}\n";
        Diagnostic d = Sources.diagnostics(src).get(0);
        assertThat(BamlCompiler.render(d, Map.of("main.baml", src))).isEqualTo("""
                main.baml:5:5: error: unknown type `Resme`
                      r Resme
                        ^^^^^
                  help: did you mean `Resume`?""");
    }

    @Test
    void renderWithoutSourceStillGivesLocationAndHint() {
        Diagnostic d = Diagnostic.error(dev.baml4j.types.SourceSpan.at("x.baml", 3, 2), "boom", "fix it");
        assertThat(BamlCompiler.render(d, Map.of())).isEqualTo("x.baml:3:2: error: boom\n  help: fix it");
    }

    @Test
    void reportsDuplicateNamesAcrossFiles() {
        Compilation c = BamlCompiler.compile(List.of(
                new SourceFile("a.baml", "class A {\n  x int\n}\n"),
                new SourceFile("b.baml", "enum A {\n  Q\n}\n")), ClientValidator.PERMISSIVE);
        assertThat(c.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.span().file()).isEqualTo("b.baml");
            assertThat(d.message()).contains("`A` is declared twice");
            assertThat(d.hint()).contains("a.baml:1:7");
        });
        assertThat(c.project()).isNull();
    }

    @Test
    void reportsDuplicateFieldsAndValues() {
        assertThat(Sources.errors("class A {\n  x int\n  x string\n}\nenum E {\n  V\n  V\n}\n")).containsExactly(
                "3:3 field `x` is declared twice in class `A`",
                "7:3 value `V` is declared twice in enum `E`");
    }

    @Test
    void functionNeedsClientAndPromptAndAKnownClient() {
        assertThat(Sources.errors("""
                client<llm> Bedrock {
                  provider aws-bedrock
                }
                function F(x: int) -> string {
                  client Bedrok
                  prompt #"x"#
                }
                function G(x: int) -> string {
                  prompt #"x"#
                }
                function H(x: int) -> string {
                  client Bedrock
                }
                """)).containsExactly(
                "5:10 unknown client `Bedrok` in function `F`",
                "8:10 function `G` has no client",
                "11:10 function `H` has no prompt");
        assertThat(Sources.diagnostics("client<llm> Bedrock {\n  provider aws-bedrock\n}\n"
                + "function F(x: int) -> string {\n  client Bedrok\n  prompt #\"x\"#\n}\n").get(0).hint())
                .isEqualTo("did you mean `Bedrock`?");
    }

    @Test
    void unknownFieldInFunctionIsReportedWithSuggestion() {
        List<Diagnostic> ds = Sources.diagnostics("function F(x: int) -> string {\n  client \"aws-bedrock/m\"\n"
                + "  promt #\"\n    hi\n  \"#\n}\n");
        assertThat(ds).extracting(Diagnostic::message).containsExactly(
                "function `F` has no prompt", "unknown field `promt` in function `F`");
        assertThat(ds.get(1).hint()).isEqualTo("did you mean `prompt`?");
    }

    @Test
    void unknownRetryPolicyAndStrategyClients() {
        assertThat(Sources.errors("""
                retry_policy Twice {
                  max_retries 1
                }
                client<llm> A {
                  provider aws-bedrock
                  retry_policy Twise
                }
                client<llm> F {
                  provider fallback
                  options {
                    strategy [A, Nope]
                  }
                }
                client<llm> R {
                  provider round-robin
                  options {
                    start -1
                  }
                }
                """)).containsExactly(
                "6:16 unknown retry_policy `Twise` in client `A`",
                "11:18 unknown client `Nope` in the `strategy` of client `F`",
                "14:13 client `R` (round-robin) has no `strategy` option",
                "17:11 `start` of client `R` must be a non-negative integer, not `-1`");
    }

    @Test
    void retryPolicyRules() {
        assertThat(Sources.errors("""
                retry_policy A {
                  strategy { type constant_delay }
                }
                retry_policy B {
                  max_retries 1.5
                }
                retry_policy C {
                  max_retries 1
                  strategy {
                    type linear
                  }
                }
                retry_policy D {
                  max_retries 1
                  strategy {
                    type constant_delay
                    multiplier 2
                  }
                }
                """)).containsExactly(
                "1:14 retry_policy `A` has no `max_retries`",
                "5:15 `max_retries` of retry_policy `B` must be a non-negative integer, not a number",
                "10:10 unknown retry strategy `linear` in retry_policy `C`",
                "17:5 unknown `multiplier` in the constant_delay strategy of retry_policy `D`");
    }

    @Test
    void unknownProviderIsReportedThroughTheValidator() {
        ClientValidator onlyBedrock = new ClientValidator() {
            @Override
            public boolean knowsProvider(String provider) {
                return provider.equals("aws-bedrock");
            }

            @Override
            public List<Diagnostic> validate(ClientDef client) {
                return List.of(Diagnostic.error(client.span(), "option check ran for " + client.name(), null));
            }
        };
        Compilation c = BamlCompiler.compile(List.of(new SourceFile("main.baml", """
                client<llm> Probe {
                  provider aws_bedrock
                }
                client<llm> Good {
                  provider aws-bedrock
                }
                client<llm> Both {
                  provider fallback
                  options {
                    strategy [Good]
                  }
                }
                """)), onlyBedrock);
        assertThat(c.diagnostics()).extracting(Diagnostic::message).containsExactly(
                "unknown provider `aws_bedrock` in client `Probe`",
                "option check ran for Good",
                "option check ran for Both");
        assertThat(c.diagnostics().get(0).hint()).startsWith("did you mean `aws-bedrock`");
    }

    @Test
    void attributeRules() {
        assertThat(Sources.errors("""
                class A {
                  a int @foo
                  b string @alias
                  c string @description(1)
                  d int @alias("x") @alias("y")
                  e int @check({{ this > 0 }})
                  f int @skip
                  g int? @skip
                  @@dynamik
                }
                """)).containsExactly(
                "2:9 unknown attribute `@foo` on field `A.a`",
                "3:12 `@alias` takes one string",
                "4:12 `@description` takes one string",
                "5:21 `@alias` is given twice on field `A.d`",
                "6:9 `@check` takes a name and a `{{ … }}` expression",
                "7:9 `@skip` on field `A.f`, which is not optional",
                "9:3 unknown attribute `@@dynamik` on class `A`");
    }

    @Test
    void typeMisuse() {
        assertThat(Sources.errors("""
                type T = string
                class A {
                  m map<int, string>
                  n map<T, string>
                  ok map<"a" | "b", int>
                }
                class Loop {
                  again Loop
                }
                class Fine {
                  again Fine?
                  many Fine[]
                }
                type X = Y
                type Y = X
                function F(img: image) -> image {
                  client "aws-bedrock/m"
                  prompt #"{{ img }}"#
                }
                class Doc {
                  scan image
                }
                class Wrapper {
                  docs Doc[]
                }
                function G(x: int) -> Wrapper? {
                  client "aws-bedrock/m"
                  prompt #"{{ x }}"#
                }
                class string {
                  x int
                }
                """)).containsExactly(
                "3:9 a map key cannot be `int`",
                "4:9 a map key cannot be `T`",
                "7:7 class `Loop` contains itself through required fields: Loop -> Loop",
                "14:6 type alias `X` refers to itself without a list or map in between",
                "15:6 type alias `Y` refers to itself without a list or map in between",
                "16:27 function `F` returns media, but media can only be a parameter",
                "26:23 function `G` returns media through field `Doc.scan`, but media can only be a parameter",
                "30:7 `string` is a built-in type and cannot be declared again");
    }

    @Test
    void syntaxErrorsAreReportedForEveryBrokenDeclaration() {
        List<String> errors = Sources.errors("""
                class A {
                  name: string
                  age
                }
                clas B {
                  x int
                }
                enum E {
                  ONE TWO
                }
                function F(x int) -> string {
                  client "aws-bedrock/m"
                  prompt #"hi"#
                }
                class C {
                  y string
                }
                """);
        assertThat(errors).containsExactly(
                "2:7 class fields have no `:`",
                "3:3 field `age` has no type",
                "5:1 `clas` does not start a declaration",
                "9:7 unexpected `TWO` after enum value `ONE`",
                "11:14 expected `:` after parameter `x`");
    }

    @Test
    void unclosedBlockIsReportedAndTheNextDeclarationStillParses() {
        List<String> errors = Sources.errors("class A {\n  x int\n\nclass B {\n  y Unknown\n}\n");
        assertThat(errors).containsExactly("1:1 class `A` is not closed", "5:5 unknown type `Unknown`");
    }

    @Test
    void unterminatedStringsAndRawStrings() {
        assertThat(Sources.errors("class A {\n  x string @alias(\"abc)\n}\n"))
                .contains("2:19 unterminated string");
        assertThat(Sources.errors("function F() -> string {\n  client \"aws-bedrock/m\"\n  prompt #\"hello\n}\n"))
                .contains("3:10 unterminated raw string");
    }

    @Test
    void deepNestingGivesADiagnosticNotAStackOverflow() {
        String deepType = "class A {\n  x " + "(".repeat(10_000) + "int" + ")".repeat(10_000) + "\n}\n";
        assertThat(Sources.errors(deepType)).first().asString().contains("nesting deeper than");
        String deepMap = "client<llm> C {\n  provider aws-bedrock\n  options " + "{a ".repeat(10_000)
                + "}".repeat(10_000) + "\n}\n";
        assertThat(Sources.errors(deepMap)).first().asString().contains("nesting deeper than");
        String deepList = "test T {\n  functions " + "[".repeat(10_000) + "\n}\n";
        assertThat(Sources.errors(deepList)).first().asString().contains("nesting deeper than");
    }

    @Test
    void manyErrorsAreCappedPerFile() {
        String garbage = "class A {\n" + "  x: int\n".repeat(1000) + "}\n";
        List<Diagnostic> ds = Sources.diagnostics(garbage);
        assertThat(ds).hasSizeLessThanOrEqualTo(201);
        assertThat(ds.get(ds.size() - 1).message()).contains("too many errors");
    }

    @Test
    void promptJinjaBlocksMustBeClosedAndMatched() {
        assertThat(Sources.errors("""
                function F(xs: string[]) -> string {
                  client "aws-bedrock/m"
                  prompt #"
                    {% for x in xs %}
                      {% if x %}{{ x }}
                    {% endfor %}
                    {% endif %}
                    {% raw %}{% if %}{% endraw %}
                    {% set y = 1 %}{# fine #}
                  "#
                }
                template_string T(a: int) #"{{ a "#
                """)).containsExactly(
                "6:5 `{% endfor %}` where `{% endif %}` was expected",
                "7:5 `{% endif %}` without a `{% if %}`",
                "12:29 unclosed `{{` in the template");
    }

    @Test
    void testNamingAnUnknownFunctionIsAWarning() {
        Compilation c = Sources.compile("test T {\n  functions [Nope]\n  args { a 1 }\n}\n");
        assertThat(c.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.isError()).isFalse();
            assertThat(d.message()).isEqualTo("test `T` names unknown function `Nope`");
        });
        assertThat(c.hasErrors()).isFalse();
        assertThat(c.project()).isNotNull();
    }

    @Test
    void topLevelNamesShareOneNamespaceExceptTestsAndGenerators() {
        assertThat(Sources.errors("""
                class Foo {
                  x int
                }
                function Foo(x: int) -> string {
                  client "aws-bedrock/m"
                  prompt #"x"#
                }
                retry_policy Foo {
                  max_retries 1
                }
                test Foo {
                  functions [Foo]
                  args { x 1 }
                }
                generator Foo {
                  output_type "python/pydantic"
                }
                """)).containsExactly(
                "4:10 `Foo` is declared twice (as class and as function)",
                "8:14 `Foo` is declared twice (as class and as retry_policy)",
                "12:14 test `Foo` names unknown function `Foo`");
    }

    @Test
    void namingRules() {
        assertThat(Sources.errors("""
                enum E {
                  red
                  Green
                }
                class C {
                  class string
                  klass string
                }
                function F(class: int @alias("k") @description("d")) -> string {
                  client "aws-bedrock/m"
                  prompt #"x"#
                }
                """)).containsExactly(
                "2:3 enum value `red` should start with an uppercase letter (the official BAML compiler rejects it)",
                "6:3 field name `class` is a BAML keyword");
        assertThat(Sources.compile("enum E {\n  red\n}\n").hasErrors()).isFalse();
    }

    @Test
    void strategyOptionsAreLanguageRulesAndNotRepeatedByTheValidator() {
        ClientValidator echoesStrategyErrors = new ClientValidator() {
            @Override
            public boolean knowsProvider(String provider) {
                return true;
            }

            @Override
            public List<Diagnostic> validate(ClientDef client) {
                // A runtime validator that also checks strategies reports the same spot again.
                return client.options().get("start").map(v -> List.of(Diagnostic.error(v.span(), "dup", null)))
                        .orElse(List.of());
            }
        };
        Compilation c = BamlCompiler.compile(List.of(new SourceFile("main.baml", """
                client<llm> A {
                  provider aws-bedrock
                }
                client<llm> R {
                  provider round-robin
                  options {
                    strategy [A, "aws-bedrock/m"]
                    start "one"
                    retries 3
                    http {
                      total_timeout_ms 0
                      connect_timeout_ms 10
                    }
                  }
                }
                """)), echoesStrategyErrors);
        assertThat(c.diagnostics()).extracting(d -> d.span().line() + ":" + d.span().column() + " " + d.message())
                .containsExactly(
                        "8:11 `start` of client `R` must be a non-negative integer, not a string",
                        "9:5 unknown option `retries` for round-robin client `R`",
                        "11:24 `http.total_timeout_ms` of client `R` must be a positive integer (milliseconds), not `0`",
                        "12:7 `http.connect_timeout_ms` is not allowed on round-robin client `R`");
    }

    @Test
    void testArgumentsAreCheckedAgainstTheFunctionAsWarnings() {
        Compilation c = Sources.compile("""
                function F(x: int, y: string?) -> string {
                  client "aws-bedrock/m"
                  prompt #"{{ x }}"#
                }
                test T {
                  functions [F]
                  args {
                    z 1
                  }
                }
                """);
        assertThat(c.hasErrors()).isFalse();
        assertThat(c.diagnostics()).extracting(d -> d.span().line() + " " + d.message()).containsExactly(
                "5 test `T` does not give argument `x` of function `F`",
                "8 test `T` gives unknown argument `z` to function `F`");
    }

    @Test
    void generatorsNeedAKnownOutputType() {
        assertThat(Sources.errors("""
                generator a {
                  output_dir "../"
                }
                generator b {
                  output_type "typescrpt"
                }
                generator c {
                  output_type "python/pydantic"
                  version "0.226.2"
                }
                """)).containsExactly(
                "1:11 generator `a` has no `output_type`",
                "5:15 unknown output_type `typescrpt` in generator `b`");
    }

    @Test
    void unknownTemplateVariablesAreWarningsWithSuggestions() {
        Compilation c = Sources.compile("""
                enum Color {
                  RED
                }
                template_string Bullet(items: string[]) #"
                  {% for i in items %}- {{ i }}{% endfor %}
                "#
                function F(name: string, items: string[], opt: int?) -> string {
                  client "aws-bedrock/m"
                  prompt #"
                    {{ _.role("user") }} Hello {{ nme }} {{ name.upper() }} {{ "{{ literal }}" }}
                    {% for k, v in items|batch(2) %}{{ k }}{{ v }}{{ loop.index }}{% endfor %}
                    {% set total = items|length %}{{ total }} {{ Color.RED }} {{ Bullet(items) }}
                    {% if opt is not none and opt is defined %}{{ opt|default(0) }}{% endif %}
                    {% macro m(a, b=1) %}{{ a }}{{ b }}{% endmacro %}{{ m(1) }}
                    {{ items|map(attribute="x")|join(", ") }} {{ ctx.output_format }} {{ missing.field }}
                  "#
                }
                """);
        assertThat(c.hasErrors()).isFalse();
        assertThat(c.diagnostics()).extracting(d -> d.span().line() + ":" + d.span().column() + " " + d.message())
                .containsExactly(
                        "10:35 variable `nme` in the prompt of `F` does not exist",
                        "15:74 variable `missing` in the prompt of `F` does not exist");
        assertThat(c.diagnostics().get(0).hint()).isEqualTo("did you mean `name`?");
    }
}
