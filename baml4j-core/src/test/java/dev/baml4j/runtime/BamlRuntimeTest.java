package dev.baml4j.runtime;

import static dev.baml4j.runtime.ScriptedProvider.reply;
import static dev.baml4j.runtime.ScriptedProvider.streamed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baml4j.BamlAbortException;
import dev.baml4j.BamlConfigException;
import dev.baml4j.BamlException;
import dev.baml4j.BamlInvalidArgumentException;
import dev.baml4j.BamlValidationException;
import dev.baml4j.types.BamlValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The public API over the real compiler, renderer and parser, with the scripted test provider. */
class BamlRuntimeTest {

    static final String SOURCE = """
            client<llm> Main {
              provider test-scripted
              options {
                script "main"
              }
            }

            client<llm> Other {
              provider test-scripted
              options {
                script "other"
              }
            }

            client<llm> Keyed {
              provider test-scripted
              options {
                script "main"
                requires_env "SECRET_KEY"
              }
            }

            class Person {
              name string
              hobbies string[]
            }

            function Describe(text: string) -> Person {
              client Main
              prompt #"
                {{ _.role("user") }} Describe {{ text }} for {{ ctx.client.name }}.
                {{ ctx.output_format }}
              "#
            }
            """;

    public record Person(String name, List<String> hobbies) {
    }

    private BamlRuntime rt;

    @BeforeEach
    void setUp() {
        ScriptedProvider.reset();
        ScriptedProvider.script("main", reply("{\"name\": \"Ada\", \"hobbies\": [\"math\"]}"));
        ScriptedProvider.script("other", reply("{\"name\": \"Other\", \"hobbies\": []}"));
        rt = BamlRuntime.builder().sources(Map.of("main.baml", SOURCE)).env(Map.of()).build();
    }

    @Test
    void callReturnsADynamicValueAndMapsToJavaTypes() {
        BamlValue v = rt.call("Describe", Map.of("text", "Ada"));
        assertThat(v).isInstanceOf(BamlValue.ClassValue.class);
        assertThat(rt.call("Describe", Map.of("text", "Ada"), Person.class))
                .isEqualTo(new Person("Ada", List.of("math")));
    }

    @Test
    void callAsyncCompletesWithTheTypedValue() throws Exception {
        CompletableFuture<Person> f = rt.callAsync("Describe", Map.of("text", "Ada"), Person.class,
                CallOptions.defaults());
        assertThat(f.get(5, TimeUnit.SECONDS).name()).isEqualTo("Ada");
    }

    @Test
    void streamEmitsOnlyPartialsThatChangeThenTheFinal() {
        ScriptedProvider.script("main", streamed("{\"name\": \"A", "da", "\"", " ", " ", ", \"hobbies\": [",
                "\"ma", "th\"", "]}"));
        List<Person> partials = new ArrayList<>();
        Person done;
        try (BamlStream<Person, Person> s = rt.stream("Describe", Map.of("text", "Ada"), Person.class, Person.class,
                CallOptions.defaults())) {
            s.forEach(partials::add);
            done = s.getFinalResponse();
        }
        assertThat(done).isEqualTo(new Person("Ada", List.of("math")));
        assertThat(partials).isNotEmpty().hasSizeLessThan(9);
        for (int i = 1; i < partials.size(); i++) {
            assertThat(partials.get(i)).isNotEqualTo(partials.get(i - 1));
        }
    }

    @Test
    void registryClientsAreUsedThroughSetPrimaryAndTheClientOverrideWins() {
        ScriptedProvider.script("reg", reply("{\"name\": \"Registry\", \"hobbies\": []}"));
        ClientRegistry reg = new ClientRegistry().addLlmClient("Reg", "test-scripted", Map.of("script", "reg"))
                .setPrimary("Reg");
        assertThat(rt.call("Describe", Map.of("text", "x"), Person.class,
                CallOptions.builder().clientRegistry(reg).build()).name()).isEqualTo("Registry");
        assertThat(rt.call("Describe", Map.of("text", "x"), Person.class,
                CallOptions.builder().clientRegistry(reg).client("Other").build()).name()).isEqualTo("Other");
        assertThat(ScriptedProvider.CALLS).containsExactly("Reg", "Other");
    }

    @Test
    void invalidRegistryClientsFailAsBamlReportsThem() {
        ClientRegistry reg = new ClientRegistry().addLlmClient("Bad", "test-scripted", Map.of("scrpit", "x"))
                .setPrimary("Bad");
        assertThatThrownBy(() -> rt.call("Describe", Map.of("text", "x"), CallOptions.builder().clientRegistry(reg)
                .build()))
                .isExactlyInstanceOf(BamlException.class)
                .hasMessageStartingWith("Failed to create clients from client_registry")
                .hasMessageContaining("unknown option `scrpit`")
                .hasCauseInstanceOf(BamlConfigException.class);
        assertThat(ScriptedProvider.CALLS).isEmpty();
    }

    @Test
    void theCallsEnvironmentOverridesTheRuntimes() {
        assertThatThrownBy(() -> rt.call("Describe", Map.of("text", "x"), CallOptions.builder().client("Keyed").build()))
                .hasMessageContaining("SECRET_KEY");
        BamlValue v = rt.call("Describe", Map.of("text", "x"),
                CallOptions.builder().client("Keyed").env("SECRET_KEY", "k").build());
        assertThat(v.toJson().get("name").asText()).isEqualTo("Ada");
    }

    @Test
    void cancellingTheFutureAbortsTheRequest() throws Exception {
        ScriptedProvider.script("main", new ScriptedProvider.Hang());
        CompletableFuture<BamlValue> f = rt.callAsync("Describe", Map.of("text", "x"));
        f.cancel(true);
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (ScriptedProvider.CANCELLED.get() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(ScriptedProvider.CANCELLED.get()).isEqualTo(1);
    }

    @Test
    void aCancellationTokenAbortsItsCalls() {
        ScriptedProvider.script("main", new ScriptedProvider.Hang());
        Cancellation stop = new Cancellation();
        CompletableFuture<BamlValue> f = rt.callAsync("Describe", Map.of("text", "x"),
                CallOptions.builder().cancellation(stop).build());
        stop.cancel("user left");
        assertThatThrownBy(() -> f.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(BamlAbortException.class)
                .hasMessageContaining("user left");
    }

    @Test
    void theCollectorSumsUsageAcrossCalls() {
        Collector c = new Collector();
        CallOptions o = CallOptions.builder().collector(c).build();
        rt.call("Describe", Map.of("text", "x"), o);
        try (BamlStream<BamlValue, BamlValue> s = rt.stream("Describe", Map.of("text", "y"), o)) {
            s.getFinalResponse();
        }
        assertThat(c.logs()).extracting(FunctionLog::logType).containsExactly("call", "stream");
        assertThat(c.usage().inputTokens()).isEqualTo(20L);
        assertThat(c.last().orElseThrow().selectedCall().orElseThrow().clientName()).isEqualTo("Main");
    }

    @Test
    void unparsableRepliesFailWithThePromptAndAreNotRetried() {
        ScriptedProvider.script("main", reply("I cannot answer that."));
        assertThatThrownBy(() -> rt.call("Describe", Map.of("text", "Ada")))
                .isInstanceOfSatisfying(BamlValidationException.class, e -> {
                    assertThat(e.rawOutput()).isEqualTo("I cannot answer that.");
                    assertThat(e.prompt()).contains("Describe Ada for Main.");
                });
        assertThat(ScriptedProvider.CALLS).containsExactly("Main");
    }

    @Test
    void parseAndParseStreamNeedNoClient() {
        assertThat(rt.parse("Describe", "{\"name\": \"Ada\", \"hobbies\": []}", Person.class))
                .isEqualTo(new Person("Ada", List.of()));
        assertThat(rt.parseStream("Describe", "{\"name\": \"Ad").toJson().get("name").asText()).isEqualTo("Ad");
        assertThat(ScriptedProvider.CALLS).isEmpty();
    }

    @Test
    void genericJavaTypesWorkEverywhereAClassDoes() {
        java.lang.reflect.Type asMap = new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {
        }.getType();
        Map<String, Object> parsed = rt.parse("Describe", "{\"name\": \"Ada\", \"hobbies\": [\"x\"]}", asMap);
        assertThat(parsed).containsEntry("name", "Ada").containsEntry("hobbies", List.of("x"));
        Map<String, Object> partial = rt.parseStream("Describe", "{\"name\": \"Ad", asMap);
        assertThat(partial).containsEntry("name", "Ad");
        try (BamlStream<Map<String, Object>, Map<String, Object>> s = rt.stream("Describe", Map.of("text", "Ada"),
                asMap, asMap, CallOptions.defaults())) {
            assertThat(s.getFinalResponse()).containsEntry("name", "Ada");
        }
    }

    @Test
    void previewRendersForTheFirstClientWithoutSending() {
        assertThat(rt.preview("Describe", Map.of("text", "Ada"), CallOptions.defaults()).body())
                .contains("Describe Ada for Main.");
        assertThat(ScriptedProvider.CALLS).isEmpty();
    }

    @Test
    void loadsEveryBamlFileOfAClassPathFolder() {
        BamlRuntime fromResources = BamlRuntime.builder().classpath("runtime_src").env(Map.of()).build();
        assertThat(fromResources.project().files()).extracting(f -> f.path())
                .containsExactly("runtime_src/clients.baml", "runtime_src/nested/describe.baml");
        assertThat(fromResources.call("Describe", Map.of("text", "Ada"), Person.class).name()).isEqualTo("Ada");
    }

    @Test
    void unknownFunctionsAndBadArgumentsFailBeforeAnyRequest() {
        assertThatThrownBy(() -> rt.call("Nope", Map.of())).isInstanceOf(BamlInvalidArgumentException.class)
                .hasMessageContaining("Describe");
        assertThatThrownBy(() -> rt.call("Describe", Map.of())).isInstanceOf(BamlInvalidArgumentException.class);
        assertThat(ScriptedProvider.CALLS).isEmpty();
    }
}
