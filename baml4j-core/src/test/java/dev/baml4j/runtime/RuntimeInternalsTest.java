package dev.baml4j.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baml4j.lang.ClientDef;
import dev.baml4j.lang.Diagnostic;
import dev.baml4j.lang.RetryPolicyDef;
import dev.baml4j.runtime.internal.ConfigValues;
import dev.baml4j.runtime.internal.RetryDelays;
import dev.baml4j.runtime.internal.StrategyOptions;
import dev.baml4j.types.ConfigValue;
import dev.baml4j.types.SourceSpan;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuntimeInternalsTest {

    private static final SourceSpan S = SourceSpan.NONE;

    @Test
    void constantDelayDefaultsTo200msPerRetry() {
        assertThat(RetryDelays.of(new RetryPolicyDef("P", 3, new RetryPolicyDef.ConstantDelay(200), S)))
                .containsExactly(Duration.ofMillis(200), Duration.ofMillis(200), Duration.ofMillis(200));
    }

    @Test
    void exponentialBackoffTruncatesEachStepAndCaps() {
        Duration[] d = RetryDelays.of(new RetryPolicyDef("P", 6,
                new RetryPolicyDef.ExponentialBackoff(100, 2.5, 5000), S));
        assertThat(Arrays.stream(d).map(Duration::toMillis)).containsExactly(250L, 625L, 1562L, 3905L, 5000L, 5000L);
    }

    @Test
    void zeroRetriesMeansNoDelays() {
        assertThat(RetryDelays.of(new RetryPolicyDef("P", 0, new RetryPolicyDef.ConstantDelay(10), S))).isEmpty();
    }

    @Test
    void registryOptionsBecomeConfigValuesAsIfWrittenInBaml() {
        ConfigValue.MapLit m = ConfigValues.fromMap(Map.of("temperature", 1.0, "max_tokens", 100, "stop", List.of("x"),
                "nested", Map.of("flag", true), "empty", ""), S);
        assertThat(m.get("temperature").orElseThrow()).isEqualTo(new ConfigValue.NumberLit("1.0", S));
        assertThat(m.get("max_tokens").orElseThrow()).isEqualTo(new ConfigValue.NumberLit("100", S));
        assertThat(m.get("stop").orElseThrow()).isInstanceOf(ConfigValue.ArrayLit.class);
        assertThat(((ConfigValue.MapLit) m.get("nested").orElseThrow()).get("flag").orElseThrow())
                .isEqualTo(new ConfigValue.BoolLit(true, S));
        assertThatThrownBy(() -> ConfigValues.fromMap(Map.of("when", new Object()), S))
                .hasMessageContaining("option when");
    }

    @Test
    void strategyOptionsAreChecked() {
        ClientDef bad = new ClientDef("RR", "round-robin", S, null, new ConfigValue.MapLit(List.of(
                new ConfigValue.Entry("strategy", S, new ConfigValue.ArrayLit(List.of(), S)),
                new ConfigValue.Entry("start", S, new ConfigValue.StringLit("one", ConfigValue.StringStyle.QUOTED, S)),
                new ConfigValue.Entry("http", S, new ConfigValue.MapLit(List.of(new ConfigValue.Entry(
                        "connect_timeout_ms", S, new ConfigValue.NumberLit("10", S))), S)),
                new ConfigValue.Entry("model", S, new ConfigValue.StringLit("m", ConfigValue.StringStyle.QUOTED, S))),
                S), S);
        assertThat(StrategyOptions.validate(bad)).extracting(Diagnostic::message).containsExactly(
                "client RR: option `strategy` must be a non-empty list of client names, not an array",
                "client RR: option `start` must be a non-negative integer, not a string",
                "client RR: `http.connect_timeout_ms` is not allowed on a strategy",
                "client RR: unknown option `model` for a round-robin client");
    }
}
