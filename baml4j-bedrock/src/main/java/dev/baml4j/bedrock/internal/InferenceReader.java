package dev.baml4j.bedrock.internal;

import dev.baml4j.lang.Suggestions;
import dev.baml4j.bedrock.internal.BedrockOptions.InferenceSettings;
import dev.baml4j.types.ConfigValue;
import java.math.BigDecimal;
import java.util.List;

/**
 * {@code inference_configuration { max_tokens temperature top_p stop_sequences }}. Unlike the
 * official runtime, a wrongly typed value is an error, never silently dropped (DESIGN: option types).
 */
final class InferenceReader {

    private InferenceReader() {
    }

    static InferenceSettings read(ConfigReader r, ConfigValue value) {
        if (value == null) {
            return InferenceSettings.EMPTY;
        }
        if (!(value instanceof ConfigValue.MapLit map)) {
            r.error(value.span(), "inference_configuration must be a map. Got: " + ConfigReader.kind(value),
                    "write inference_configuration { max_tokens 1000 temperature 0.5 }");
            return InferenceSettings.EMPTY;
        }
        Integer maxTokens = null;
        Float temperature = null;
        Float topP = null;
        List<String> stop = null;
        for (ConfigValue.Entry e : map.entries()) {
            String key = e.key();
            ConfigValue v = e.value();
            switch (key) {
                case "max_tokens":
                    maxTokens = maxTokens(r, v);
                    break;
                case "temperature":
                    temperature = f32(r, "temperature", v);
                    break;
                case "top_p":
                    topP = f32(r, "top_p", v);
                    break;
                case "stop_sequences":
                    if (!(v instanceof ConfigValue.ArrayLit)) {
                        r.error(v.span(), "stop_sequences must be an array: " + ConfigReader.kind(v),
                                "write stop_sequences [\"</done>\"]");
                    } else {
                        stop = r.stringList("stop_sequences", v, "stop_sequences values must be a string.");
                    }
                    break;
                default:
                    String guess = Suggestions.closest(key, OptionsReader.INFERENCE_KEYS);
                    r.error(e.keySpan(), "unknown inference_config key: " + key, guess != null
                            ? "did you mean `" + guess + "`?"
                            : "allowed keys: " + String.join(", ", OptionsReader.INFERENCE_KEYS)
                                    + "; others (e.g. top_k) go in additional_model_request_fields");
            }
        }
        return new InferenceSettings(maxTokens, temperature, topP, stop);
    }

    private static Integer maxTokens(ConfigReader r, ConfigValue v) {
        BigDecimal d = r.number("max_tokens", v, "an integer");
        if (d == null) {
            return null;
        }
        if (!OptionsReader.isInteger(d)) {
            r.error(v.span(), "max_tokens must be a number: invalid digit found in string (" + d.toPlainString()
                    + " is not an integer)", "write a whole number, e.g. max_tokens 1000");
            return null;
        }
        try {
            return d.intValueExact();
        } catch (ArithmeticException ex) {
            r.error(v.span(), "max_tokens must be a number: number too large to fit in target type",
                    "max_tokens must fit in 32 bits");
            return null;
        }
    }

    /** Converse takes 32-bit floats; the value is narrowed here exactly once. */
    private static Float f32(ConfigReader r, String key, ConfigValue v) {
        BigDecimal d = r.number(key, v, "a number");
        return d == null ? null : d.floatValue();
    }
}
