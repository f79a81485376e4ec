package dev.baml4j.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baml4j.types.BamlType;
import dev.baml4j.types.BamlValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RolesAndMediaTest {

    @Test
    void roleMarkersSplitMessagesAndCarryKeywordMetadata() {
        RenderFixture f = RenderFixture.function("", "q: string", "string", """
                Leading text.
                {{ _.role("system", cache_control={"type": "ephemeral"}) }}
                  System text.
                {{ _.chat(role="user") }}
                {{ q }}
                {{ _.role("assistant") }}
                """);
        RenderedPrompt p = f.render("F", Map.of("q", "  question  "));
        assertThat(p.messages()).extracting(ChatMessage::role).containsExactly("user", "system", "user");
        assertThat(p.messages().get(0).parts()).containsExactly(new ChatPart.Text("Leading text."));
        assertThat(p.messages().get(1).parts()).containsExactly(new ChatPart.Text("System text."));
        assertThat(p.messages().get(1).metadata()).isEqualTo(Map.of("cache_control", Map.of("type", "ephemeral")));
        assertThat(p.messages().get(2).parts()).containsExactly(new ChatPart.Text("question"));
        assertThat(p.messages().get(2).metadata()).isEmpty();
    }

    @Test
    void textBeforeTheFirstMarkerTakesTheContextsDefaultRole() {
        RenderFixture f = RenderFixture.function("", "q: string", "string", "Hi {{ q }}\n{{ _.role(\"user\") }}\nx");
        RenderedPrompt p = f.render("F", Map.of("q", "there"), new RenderContext("Stub", "aws-bedrock", Map.of(), "assistant"));
        assertThat(p.messages()).extracting(ChatMessage::role).containsExactly("assistant", "user");
        assertThat(RenderContext.providerDefaultRole("openai")).isEqualTo("system");
        assertThat(RenderContext.providerDefaultRole("aws-bedrock")).isEqualTo("user");
    }

    @Test
    void promptWithoutMarkersIsOneUntrimmedMessage() {
        RenderFixture f = RenderFixture.function("", "q: string", "string", "Input: {{ q }}\n{{ ctx.output_format }}");
        RenderedPrompt p = f.render("F", Map.of("q", "x"));
        assertThat(p.messages()).containsExactly(ChatMessage.text("user", "Input: x\n"));
    }

    @Test
    void roleGivenTwiceOrNotAtAllIsAnError() {
        RenderFixture twice = RenderFixture.function("", "q: string", "string", "{{ _.role(\"user\", role=\"system\") }}");
        assertThatThrownBy(() -> twice.render("F", Map.of("q", "x"))).isInstanceOf(PromptRenderException.class)
                .hasMessageContaining("role");
        RenderFixture none = RenderFixture.function("", "q: string", "string", "{{ _.role() }}");
        assertThatThrownBy(() -> none.render("F", Map.of("q", "x"))).isInstanceOf(PromptRenderException.class);
    }

    @Test
    void mediaArgumentsBecomeSeparateParts() {
        RenderFixture f = RenderFixture.function("class Doc {\n  title string\n  scan image\n}", "img: image, d: Doc",
                "string", "Look: {{ img }} after image\n{{ _.role(\"user\") }}{{ d }}");
        RenderedPrompt p = f.render("F", Map.of(
                "img", Map.of("url", "https://example.com/a.png"),
                "d", Map.of("title", "T", "scan", Map.of("base64", "AAAA", "media_type", "image/png"))));
        List<ChatPart> first = p.messages().get(0).parts();
        assertThat(first).hasSize(3);
        assertThat(first.get(0)).isEqualTo(new ChatPart.Text("Look:"));
        assertThat(((ChatPart.Media) first.get(1)).media()).isEqualTo(new BamlValue.MediaValue(
                BamlType.MediaKind.IMAGE, BamlValue.MediaValue.MediaSource.URL, "https://example.com/a.png", null));
        assertThat(first.get(2)).isEqualTo(new ChatPart.Text("after image"));
        List<ChatPart> second = p.messages().get(1).parts();
        assertThat(second.get(0)).isEqualTo(new ChatPart.Text("{\n    \"title\": \"T\",\n    \"scan\":"));
        assertThat(((ChatPart.Media) second.get(1)).media().data()).isEqualTo("AAAA");
        assertThat(second.get(2)).isEqualTo(new ChatPart.Text(",\n}"));
    }

    @Test
    void ctxExposesClientAndTags() {
        RenderFixture f = RenderFixture.function("", "q: string", "string",
                "{{ ctx.client.name }}/{{ ctx.client.provider }}/{{ ctx.tags.team }}/{{ ctx.tags.missing }}.");
        RenderedPrompt p = f.render("F", Map.of("q", "x"), new RenderContext("Stub", "aws-bedrock", Map.of("team", "ml")));
        assertThat(p.messages().get(0).parts()).containsExactly(new ChatPart.Text("Stub/aws-bedrock/ml/."));
    }

    @Test
    void templateStringsAreMacrosCallableFromEachOther() {
        RenderFixture f = new RenderFixture("""
                template_string Item(x: string) #"<{{ x }}>"#
                template_string All(xs: string[]) #"
                  {% for x in xs %}{{ Item(x) }}{% endfor %}
                "#
                function F(xs: string[]) -> string {
                  client Stub
                  prompt #"All: {{ All(xs) }}"#
                }
                """);
        assertThat(f.text("F", Map.of("xs", List.of("a", "b")))).isEqualTo("All: <a><b>");
    }

    @Test
    void rendersFromManyThreadsWithTheCachedTemplate() throws Exception {
        RenderFixture f = RenderFixture.function("", "n: int", "string", "{% for i in range(n) %}{{ i }}{% endfor %}");
        List<Thread> threads = new java.util.ArrayList<>();
        List<Throwable> errors = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        for (int t = 0; t < 8; t++) {
            int n = t;
            Thread th = new Thread(() -> {
                try {
                    for (int i = 0; i < 50; i++) {
                        StringBuilder want = new StringBuilder();
                        for (int k = 0; k < n; k++) {
                            want.append(k);
                        }
                        String got = f.text("F", Map.of("n", n));
                        if (!got.equals(want.toString())) {
                            throw new AssertionError("thread " + n + " got " + got);
                        }
                    }
                } catch (Throwable e) {
                    errors.add(e);
                }
            });
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) {
            th.join();
        }
        assertThat(errors).isEmpty();
    }

    @Test
    void templateStringsSeeCtxAndRoles() {
        RenderFixture f = new RenderFixture("""
                template_string Schema() #"
                  {{ _.role("system") }}
                  {{ ctx.output_format }} ({{ ctx.client.name }})
                "#
                function F(q: string) -> int {
                  client Stub
                  prompt #"
                    {{ Schema() }}
                    {{ _.role("user") }}
                    {{ q }}
                  "#
                }
                """);
        RenderedPrompt p = f.render("F", Map.of("q", "hi"));
        assertThat(p.messages()).containsExactly(ChatMessage.text("system", "Answer as an int (Stub)"),
                ChatMessage.text("user", "hi"));
    }
}
