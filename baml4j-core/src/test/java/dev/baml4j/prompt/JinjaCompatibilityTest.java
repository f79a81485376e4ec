package dev.baml4j.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The places where BAML's minijinja and plain Jinjava differ, each bridged by the renderer. */
class JinjaCompatibilityTest {

    private static String render(String params, String prompt, Map<String, ?> args) {
        return RenderFixture.function("", params, "string", prompt).text("F", args);
    }

    @Test
    void undefinedPrintsNothingButNullPrintsNull() {
        Map<String, Object> args = new HashMap<>();
        args.put("s", null);
        assertThat(render("s: string?", "a{{ nothing_here }}b [{{ s }}] {{ none }}", args)).isEqualTo("ab [null] null");
    }

    @Test
    void attributeOfUndefinedIsAnErrorNamingFunctionAndLine() {
        RenderFixture f = RenderFixture.function("class T {\n  name string\n}", "ts: T[]",
                "string", "first line\n{{ ts[0] }}\n{{ ts[0].name }}");
        assertThatThrownBy(() -> f.render("F", Map.of("ts", List.of())))
                .isInstanceOf(PromptRenderException.class)
                .hasMessageContaining("function F")
                .hasMessageContaining("main.baml:")
                .hasMessageContaining("undefined value");
    }

    @Test
    void errorLocationPointsAtTheBamlLine() {
        RenderFixture f = RenderFixture.function("", "x: string", "string", "line one\nline two\n{{ x.foo.bar }}");
        // the prompt body starts on line 5 of main.baml (after the function header lines)
        assertThatThrownBy(() -> f.render("F", Map.of("x", "v")))
                .isInstanceOfSatisfying(PromptRenderException.class,
                        e -> assertThat(e.location()).isEqualTo("main.baml:7"));
    }

    @Test
    void forElseRendersTheElseBranchOnlyForAnEmptyLoop() {
        String prompt = "{% for i in items %}<{{ i }}>{% else %}none{% endfor %}";
        assertThat(render("items: string[]", prompt, Map.of("items", List.of("a", "b")))).isEqualTo("<a><b>");
        assertThat(render("items: string[]", prompt, Map.of("items", List.of()))).isEqualTo("none");
    }

    @Test
    void filterBlockAppliesItsFilter() {
        assertThat(render("x: string", "{% filter upper %}hi {{ x }}{% endfilter %}!", Map.of("x", "there")))
                .isEqualTo("HI THERE!");
    }

    @Test
    void pythonStringMethods() {
        String prompt = "{{ x.upper() }}|{{ x.strip() }}|{{ \"{} and {}\".format(x.strip(), 2) }}|"
                + "{{ x.strip().startswith(\"ab\") }}|{{ x.split() | length }}|{{ \"a-b\".replace(\"-\", \"+\") }}";
        assertThat(render("x: string", prompt, Map.of("x", " ab cd "))).isEqualTo(" AB CD |ab cd|ab cd and 2|true|2|a+b");
    }

    @Test
    void pythonArithmetic() {
        assertThat(render("n: int", "{{ n % 4 }} {{ -7 % 3 }} {{ n // 4 }} {{ n / 4 }} {{ n ** 2 }} {{ 7.5 % 2 }}",
                Map.of("n", -9))).isEqualTo("3 2 -3 -2.25 81 1.5");
    }

    @Test
    void lstripBlocksOnlyAppliesAtTheStartOfALine() {
        assertThat(render("q: string", "Before {# c #}after.\n    {% if true %}\n  x {{ q }}\n    {% endif %}\nend",
                Map.of("q", "Q"))).isEqualTo("Before after.\n  x Q\nend");
    }

    @Test
    void reservedJuelWordsWorkAsNames() {
        RenderFixture f = RenderFixture.function("class Range {\n  lt int\n  empty bool\n}", "div: string, r: Range",
                "string", "{{ div }} {{ r.lt }} {{ r.empty }} {% for lt in [1, 2] %}{{ lt }}{% endfor %} {{ \"lt\" }}");
        assertThat(f.text("F", Map.of("div", "d", "r", Map.of("lt", 3, "empty", true)))).isEqualTo("d 3 true 12 lt");
    }

    @Test
    void filtersBehaveAsBaml() {
        Map<String, Object> args = new HashMap<>();
        args.put("s", null);
        args.put("f", 2.675);
        String prompt = "{{ s | default(\"n/a\") }} {{ missing | default(\"n/a\") }} {{ f | round }} {{ f | round(1) }} "
                + "{{ \"abc123\" | regex_match(\"[0-9]+\") }} {{ \"abc\" | regex_match(\"(\") }} {{ [1, 2.5] | sum }}";
        assertThat(render("s: string?, f: float", prompt, args)).isEqualTo("null n/a 3.0 2.7 true false 3.5");
    }

    @Test
    void tojsonUsesFieldNamesAndFormatJsonUsesAliases() {
        RenderFixture f = RenderFixture.function("enum L {\n  A @alias(\"a-lias\")\n}\nclass C {\n  x int @alias(\"why\")\n  l L\n  w float\n}",
                "c: C", "string", "{{ c | tojson }}\n{{ c | format(type=\"json\") }}");
        assertThat(f.text("F", Map.of("c", Map.of("x", 1, "l", "A", "w", 1))))
                .isEqualTo("{\"x\":1,\"l\":{},\"w\":1.0}\n{\"why\":1,\"l\":\"a-lias\",\"w\":1.0}");
    }

    @Test
    void enumsAreGlobalsAndCompareByName() {
        RenderFixture f = RenderFixture.function("enum Level {\n  LOW\n  HIGH @alias(\"high-level\")\n}", "l: Level",
                "string", "{{ Level.HIGH }} {{ l }} {{ l.value }} {{ l == \"HIGH\" }} {{ l == Level.HIGH }}");
        assertThat(f.text("F", Map.of("l", "HIGH"))).isEqualTo("high-level high-level HIGH true true");
    }

    @Test
    void mapsIterateWithItemsAndKeys() {
        assertThat(render("m: map<string, int>", "{% for k, v in m.items() %}{{ k }}={{ v }};{% endfor %}{{ m.keys() | join(\",\") }}",
                Map.of("m", new java.util.LinkedHashMap<>(Map.of("a", 1))))).isEqualTo("a=1;a");
    }

    @Test
    void unknownFiltersAndTagsAreErrors() {
        assertThatThrownBy(() -> render("x: string", "{{ x | no_such_filter }}", Map.of("x", "v")))
                .isInstanceOf(PromptRenderException.class).hasMessageContaining("no_such_filter");
        assertThatThrownBy(() -> render("x: string", "{% frobnicate %}", Map.of("x", "v")))
                .isInstanceOf(PromptRenderException.class).hasMessageContaining("frobnicate");
        assertThatThrownBy(() -> render("x: string", "{{ x + }}", Map.of("x", "v")))
                .isInstanceOf(PromptRenderException.class).hasMessageContaining("function F");
    }

    @Test
    void undefinedValuesAndTestsBehaveAsMinijinja() {
        RenderFixture f = RenderFixture.function("class P {\n  name string\n  age int?\n}", "p: P", "string",
                "{{ p.age }}|{{ p.age is defined }}|{{ p.age is none }}|{{ nothing is undefined }}|{{ p.name is defined }}"
                        + "|{% for i in nothing %}x{% endfor %}|{% if nothing %}y{% else %}n{% endif %}");
        assertThat(f.text("F", Map.of("p", Map.of("name", "N")))).isEqualTo("|false|false|true|true||n");
        assertThatThrownBy(() -> render("x: string", "{{ nothing | length }}", Map.of("x", "v")))
                .isInstanceOf(PromptRenderException.class).hasMessageContaining("length");
    }
}
