package dev.baml4j.bedrock.internal;

import static dev.baml4j.bedrock.internal.TestClients.env;
import static dev.baml4j.bedrock.internal.TestClients.with;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baml4j.lang.Diagnostic;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class OptionsReaderTest {

    private static String errors(Map<String, Object> extra) {
        return OptionsReader.validate(with(extra)).stream().map(Diagnostic::toString).collect(Collectors.joining("\n"));
    }

    private static Map<String, Object> m(Object... kv) {
        Map<String, Object> out = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            out.put((String) kv[i], kv[i + 1]);
        }
        return out;
    }

    @Test
    void acceptsTheBaseOptions() {
        assertThat(OptionsReader.validate(with(Map.of()))).isEmpty();
    }

    @Test
    void rejectsUnknownOptionWithSuggestionAndLocation() {
        List<Diagnostic> d = OptionsReader.validate(with(m("regoin", "us-east-1")));
        assertThat(d).hasSize(1);
        assertThat(d.get(0).message()).contains("Unsupported property: regoin").contains("Probe");
        assertThat(d.get(0).hint()).contains("region");
        assertThat(d.get(0).span().toString()).startsWith("main.baml:");
    }

    @Test
    void pointsTopLevelInferenceKeysAtInferenceConfiguration() {
        List<Diagnostic> d = OptionsReader.validate(with(m("temperature", 0.5)));
        assertThat(d.get(0).message()).contains("Unsupported property: temperature");
        assertThat(d.get(0).hint()).contains("inference_configuration");
    }

    @Test
    void rejectsModelTogetherWithModelIdAndMissingModel() {
        assertThat(errors(m("model_id", "x"))).contains("model_id and model cannot both be provided");
        assertThat(errors(m("model", null))).contains("model_id is required");
        assertThat(OptionsReader.validate(with(m("model", null, "model_id", "x")))).isEmpty();
    }

    @Test
    void rejectsWronglyTypedValues() {
        assertThat(errors(m("region", 5))).contains("region must be a string. Got: number");
        assertThat(errors(m("supports_streaming", "yes"))).contains("supports_streaming must be a bool. Got: string");
        // Deliberately stricter than the official runtime, which drops these silently (DESIGN: option types).
        assertThat(errors(m("inference_configuration", m("temperature", "hot")))).contains("temperature must be a number");
        assertThat(errors(m("inference_configuration", m("top_p", true)))).contains("top_p must be a number");
        assertThat(errors(m("inference_configuration", m("max_tokens", "100")))).contains("max_tokens must be an integer");
    }

    @Test
    void checksInferenceConfiguration() {
        assertThat(errors(m("inference_configuration", m("top_k", 5)))).contains("unknown inference_config key: top_k");
        assertThat(OptionsReader.validate(with(m("inference_configuration", m("maxTokens", 5)))).get(0).hint())
                .contains("max_tokens");
        assertThat(errors(m("inference_configuration", m("max_tokens", 1.5)))).contains("max_tokens must be a number");
        assertThat(errors(m("inference_configuration", m("max_tokens", 99999999999L)))).contains("too large");
        assertThat(errors(m("inference_configuration", m("stop_sequences", "x")))).contains("stop_sequences must be an array");
        assertThat(errors(m("inference_configuration", m("stop_sequences", List.of(1))))).contains("stop_sequences values must be a string");
        assertThat(errors(m("inference_configuration", "x"))).contains("inference_configuration must be a map. Got: string");
        assertThat(OptionsReader.validate(with(m("inference_configuration", m("max_tokens", -1))))).isEmpty();
    }

    @Test
    void readsInferenceSettingsAsFloat32() {
        BedrockOptions o = OptionsReader.read(with(m("inference_configuration",
                m("temperature", 0.7, "top_p", env("TOP_P"), "max_tokens", 100))), Map.of("TOP_P", "0.9")).options();
        assertThat(o.inference().temperature()).isEqualTo(0.7f);
        assertThat(o.inference().topP()).isEqualTo(0.9f);
        assertThat(o.inference().maxTokens()).isEqualTo(100);
        assertThat(o.envSources()).containsEntry("top_p", "TOP_P");
    }

    @Test
    void rejectsBothFinishReasonListsOnBothKeys() {
        List<Diagnostic> d = OptionsReader.validate(with(m("finish_reason_allow_list", List.of("end_turn"),
                "finish_reason_deny_list", List.of("max_tokens"))));
        assertThat(d).hasSize(2).allMatch(x -> x.message().contains("cannot be used together"));
        assertThat(errors(m("finish_reason_allow_list", "end_turn"))).contains("finish_reason_allow_list must be an array. Got: string");
        assertThat(errors(m("finish_reason_deny_list", List.of(1)))).contains("values in finish_reason_deny_list must be strings.");
    }

    @Test
    void checksRoles() {
        assertThat(errors(m("allowed_roles", "user"))).contains("allowed_roles must be an array. Got: string");
        assertThat(errors(m("allowed_roles", List.of("user", "assistant"), "default_role", "tool")))
                .contains("default_role must be one of [user, assistant]. Got: tool");
        assertThat(errors(m("default_role", "tool"))).contains("default_role must be one of [system, user, assistant]");
        assertThat(errors(m("default_role", 3))).contains("default_role must be a string. Got: number");
        assertThat(errors(m("remap_roles", m("critic", "user")))).contains("Got: critic");
        assertThat(errors(m("remap_roles", m("user", 3)))).contains("remap_role must be a map of strings to strings. Got: number");
        assertThat(errors(m("allowed_role_metadata", 3))).contains("allowed_role_metadata must be an array of keys or \"all\" or \"none\"");
        assertThat(errors(m("allowed_role_metadata", "some"))).contains("allowed_role_metadata");
        assertThat(errors(m("allowed_role_metadata", List.of(1)))).contains("values in allowed_role_metadata must be strings.");
        BedrockOptions o = OptionsReader.read(with(m("allowed_roles", List.of("assistant", "tool"))), Map.of()).options();
        assertThat(o.defaultRole()).isEqualTo("assistant");
    }

    @Test
    void checksMediaAndHttp() {
        assertThat(errors(m("media_url_handler", m("image", "bogus")))).contains("Invalid media URL handling mode: bogus");
        assertThat(errors(m("media_url_handler", m("sound", "send_url")))).contains("Unknown media type in media_url_handler: sound");
        assertThat(errors(m("media_url_handler", m("image", env("MODE"))))).contains("must be a string literal");
        assertThat(errors(m("http", m("request_timeout_ms", -5)))).contains("request_timeout_ms must be non-negative, got: -5ms");
        assertThat(errors(m("http", m("request_timeout", 10)))).contains("Did you mean 'request_timeout_ms'?");
        assertThat(errors(m("http", m("total_timeout_ms", 10)))).contains("only available for composite clients");
        assertThat(errors(m("http", m("connect_timeout_ms", "10")))).contains("connect_timeout_ms must be an integer. Got: string");
        assertThat(errors(m("additional_model_request_fields", "x"))).contains("additional_model_request_fields must be a map. Got: string");
    }

    @Test
    void enforcesCredentialRulesOnLiterals() {
        assertThat(errors(m("secret_access_key", null))).contains("both must be provided");
        assertThat(errors(m("access_key_id", null))).contains("both must be provided");
        assertThat(errors(m("access_key_id", null, "secret_access_key", null, "session_token", "tok")))
                .contains("all three must be provided");
        assertThat(errors(m("profile", "dev"))).contains("profile cannot be used together");
        assertThat(OptionsReader.validate(with(m("session_token", "tok")))).isEmpty();
        assertThat(OptionsReader.validate(with(m("session_token", "")))).isEmpty();
        assertThat(OptionsReader.validate(with(m("access_key_id", null, "secret_access_key", null, "profile", "dev")))).isEmpty();
    }

    @Test
    void defersEnvCredentialRulesToCreationAndNamesTheVariable() {
        Map<String, Object> extra = m("access_key_id", env("MY_KEY"), "secret_access_key", env("MY_SECRET"));
        assertThat(OptionsReader.validate(with(extra))).isEmpty();
        OptionsReader.Result r = OptionsReader.read(with(extra), Map.of("MY_KEY", "AKID", "MY_SECRET", ""));
        assertThat(r.options()).isNull();
        assertThat(r.diagnostics().get(0).message()).contains("both must be provided").contains("env.MY_KEY")
                .contains("Probe");
        OptionsReader.Result unset = OptionsReader.read(with(extra), Map.of());
        assertThat(unset.diagnostics().get(0).message()).contains("Environment variable MY_KEY not set");
    }

    @Test
    void secretsNeverAppearInToStringOrDiagnostics() {
        String secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
        BedrockOptions o = OptionsReader.read(with(m("session_token", "SESSIONTOKEN123")), Map.of()).options();
        assertThat(o.toString()).doesNotContain(secret).doesNotContain("SESSIONTOKEN123");
        assertThat(o.secretAccessKey().reveal()).isEqualTo(secret);
        assertThat(errors(m("access_key_id", null, "profile", "p"))).doesNotContain(secret);
    }
}
