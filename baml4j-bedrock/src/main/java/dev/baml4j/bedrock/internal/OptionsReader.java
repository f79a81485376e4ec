package dev.baml4j.bedrock.internal;

import dev.baml4j.lang.Suggestions;
import dev.baml4j.bedrock.internal.BedrockOptions.HttpTimeouts;
import dev.baml4j.bedrock.internal.BedrockOptions.InferenceSettings;
import dev.baml4j.bedrock.internal.BedrockOptions.RoleMetadataPolicy;
import dev.baml4j.lang.ClientDef;
import dev.baml4j.lang.Diagnostic;
import dev.baml4j.types.ConfigValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates and reads a client's {@code aws-bedrock} options. The same code runs at load time
 * ({@code env == null}: literal values checked, {@code env.X} deferred) and when a client is built
 * (every value resolved and checked), so both stages apply the same rules.
 */
public final class OptionsReader {

    static final List<String> OPTIONS = List.of("model", "model_id", "region", "endpoint_url", "access_key_id",
            "secret_access_key", "session_token", "profile", "inference_configuration",
            "additional_model_request_fields", "default_role", "allowed_roles", "remap_roles",
            "allowed_role_metadata", "supports_streaming", "finish_reason_allow_list", "finish_reason_deny_list",
            "media_url_handler", "http");
    static final List<String> INFERENCE_KEYS = List.of("max_tokens", "temperature", "top_p", "stop_sequences");
    static final List<String> MEDIA_KINDS = List.of("image", "audio", "pdf", "video");
    static final List<String> MEDIA_MODES = List.of("send_base64", "send_url", "send_url_add_mime_type",
            "send_base64_unless_google_url");
    private static final List<String> DEFAULT_ROLES = List.of("system", "user", "assistant");

    /** The options and every problem found; {@code options} is null when there are errors. */
    public record Result(BedrockOptions options, List<Diagnostic> diagnostics) {
    }

    private OptionsReader() {
    }

    /** Load-time checks only. */
    public static List<Diagnostic> validate(ClientDef client) {
        return read(client, null).diagnostics();
    }

    public static Result read(ClientDef client, Map<String, String> env) {
        ConfigReader r = new ConfigReader(client.name(), env);
        ConfigValue.MapLit opts = client.options();
        for (ConfigValue.Entry e : opts.entries()) {
            if (!OPTIONS.contains(e.key())) {
                r.error(e.keySpan(), "Unsupported property: " + e.key(), unknownOptionHint(e.key()));
            }
        }

        String model = model(r, client, opts);
        String region = optionalString(r, opts, "region");
        if (region != null && region.isEmpty()) {
            r.error(opts.get("region").get().span(), "region cannot be empty", "set a region such as \"us-east-1\", or remove the option");
        }
        String endpoint = emptyAsNull(optionalString(r, opts, "endpoint_url"));
        String accessKeyId = optionalString(r, opts, "access_key_id");
        String secret = optionalString(r, opts, "secret_access_key");
        String token = optionalString(r, opts, "session_token");
        String profile = emptyAsNull(optionalString(r, opts, "profile"));
        CredentialRules.check(r, opts, accessKeyId, secret, token, profile);

        InferenceSettings inference = InferenceReader.read(r, opts.get("inference_configuration").orElse(null));
        Map<String, Object> additional = additionalFields(r, opts);

        List<String> allowedRoles = DEFAULT_ROLES;
        ConfigValue rolesValue = opts.get("allowed_roles").orElse(null);
        if (rolesValue != null) {
            List<String> roles = r.stringList("allowed_roles", rolesValue, "values in allowed_roles must be strings.");
            if (roles != null && roles.isEmpty()) {
                r.error(rolesValue.span(), "allowed_roles must not be empty", "list at least one role, e.g. [\"user\", \"assistant\"]");
            } else if (roles != null) {
                allowedRoles = List.copyOf(roles);
            }
        }
        boolean rolesKnown = !allowedRoles.contains(ConfigReader.UNKNOWN);
        String defaultRole = allowedRoles.contains("user") || !rolesKnown ? "user" : allowedRoles.get(0);
        ConfigValue defaultValue = opts.get("default_role").orElse(null);
        if (defaultValue != null) {
            String d = r.string("default_role", defaultValue);
            if (d != null && rolesKnown && !d.equals(ConfigReader.UNKNOWN) && !allowedRoles.contains(d)) {
                r.error(defaultValue.span(), "default_role must be one of " + allowedRoles + ". Got: " + d,
                        "to use a different default role, add it to allowed_roles: " + withRole(allowedRoles, d));
            } else if (d != null) {
                defaultRole = d;
            }
        }
        Map<String, String> remap = remapRoles(r, opts, allowedRoles, rolesKnown);
        RoleMetadataPolicy metadata = roleMetadata(r, opts);

        Boolean streaming = opts.get("supports_streaming").map(v -> r.bool("supports_streaming", v)).orElse(Boolean.TRUE);
        List<String> allow = opts.get("finish_reason_allow_list").map(v -> r.stringList("finish_reason_allow_list", v,
                "values in finish_reason_allow_list must be strings.")).orElse(null);
        List<String> deny = opts.get("finish_reason_deny_list").map(v -> r.stringList("finish_reason_deny_list", v,
                "values in finish_reason_deny_list must be strings.")).orElse(null);
        if (opts.get("finish_reason_allow_list").isPresent() && opts.get("finish_reason_deny_list").isPresent()) {
            String msg = "finish_reason_allow_list and finish_reason_deny_list cannot be used together";
            r.error(opts.entry("finish_reason_allow_list").get().keySpan(), msg, "keep only one of the two lists");
            r.error(opts.entry("finish_reason_deny_list").get().keySpan(), msg, "keep only one of the two lists");
        }
        Map<String, String> media = mediaHandlers(r, opts);
        HttpTimeouts http = HttpReader.read(r, opts.get("http").orElse(null));

        if (!r.diagnostics().isEmpty() || r.atLoadTime()) {
            return new Result(null, List.copyOf(r.diagnostics()));
        }
        BedrockOptions options = new BedrockOptions(client.name(), model, region, endpoint, emptyAsNull(accessKeyId),
                secret == null || secret.isEmpty() ? null : new Secret(secret),
                token == null || token.isEmpty() ? null : new Secret(token), profile, inference, additional,
                allowedRoles, defaultRole, remap, metadata, streaming == null || streaming, allow, deny, media, http,
                Map.copyOf(r.envSources()));
        return new Result(options, List.of());
    }

    private static String model(ConfigReader r, ClientDef client, ConfigValue.MapLit opts) {
        var model = opts.entry("model");
        var modelId = opts.entry("model_id");
        if (model.isPresent() && modelId.isPresent()) {
            String msg = "model_id and model cannot both be provided";
            r.error(model.get().keySpan(), msg, "they are aliases; keep one");
            r.error(modelId.get().keySpan(), msg, "they are aliases; keep one");
            return null;
        }
        var entry = model.isPresent() ? model : modelId;
        if (entry.isEmpty()) {
            r.error(client.span(), "model_id is required", "add model \"anthropic.claude-3-haiku-20240307-v1:0\" (a model id, inference profile or ARN) to options");
            return null;
        }
        String value = r.string(entry.get().key(), entry.get().value());
        if (value != null && value.isEmpty() && !r.atLoadTime()) {
            r.error(entry.get().value().span(), entry.get().key() + " cannot be empty or unset",
                    "set it to a Bedrock model id, inference profile id or ARN");
        }
        return value;
    }

    private static String optionalString(ConfigReader r, ConfigValue.MapLit opts, String option) {
        return opts.get(option).map(v -> r.string(option, v)).orElse(null);
    }

    private static String emptyAsNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static String unknownOptionHint(String key) {
        if (INFERENCE_KEYS.contains(key) || key.equals("maxTokens") || key.equals("topP")) {
            return "inference settings go inside inference_configuration { " + key + " ... }";
        }
        String guess = Suggestions.closest(key, OPTIONS);
        return guess != null ? "did you mean `" + guess + "`?"
                : "aws-bedrock options are: " + String.join(", ", OPTIONS)
                        + "; other Converse fields go in additional_model_request_fields";
    }

    private static String withRole(List<String> roles, String role) {
        List<String> all = new ArrayList<>(roles);
        all.add(role);
        return all.toString();
    }

    private static Map<String, Object> additionalFields(ConfigReader r, ConfigValue.MapLit opts) {
        ConfigValue v = opts.get("additional_model_request_fields").orElse(null);
        if (v == null) {
            return Map.of();
        }
        if (!(v instanceof ConfigValue.MapLit)) {
            r.error(v.span(), "additional_model_request_fields must be a map. Got: " + ConfigReader.kind(v),
                    "write additional_model_request_fields { key value }");
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) r.json("additional_model_request_fields", v);
        return m;
    }

    private static Map<String, String> remapRoles(ConfigReader r, ConfigValue.MapLit opts, List<String> allowed,
            boolean rolesKnown) {
        ConfigValue v = opts.get("remap_roles").orElse(null);
        if (v == null) {
            return Map.of();
        }
        if (!(v instanceof ConfigValue.MapLit m)) {
            r.error(v.span(), "remap_roles must be a map of strings to strings. Got: " + ConfigReader.kind(v), null);
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (ConfigValue.Entry e : m.entries()) {
            if (rolesKnown && !allowed.contains(e.key())) {
                r.error(e.keySpan(), "remap_roles values must be one of: " + allowed + ". Got: " + e.key(),
                        "to remap a different role, add it to allowed_roles: " + withRole(allowed, e.key()));
            }
            if (e.value() instanceof ConfigValue.StringLit || e.value() instanceof ConfigValue.EnvRef) {
                String to = r.string("remap_roles." + e.key(), e.value());
                if (to != null) {
                    out.put(e.key(), to);
                }
            } else {
                r.error(e.value().span(), "remap_role must be a map of strings to strings. Got: "
                        + ConfigReader.kind(e.value()), null);
            }
        }
        return out;
    }

    private static RoleMetadataPolicy roleMetadata(ConfigReader r, ConfigValue.MapLit opts) {
        ConfigValue v = opts.get("allowed_role_metadata").orElse(null);
        if (v == null) {
            return RoleMetadataPolicy.UNSET;
        }
        String hint = "write \"all\", \"none\" or a list of keys such as [\"cache_control\"]";
        if (v instanceof ConfigValue.StringLit || v instanceof ConfigValue.EnvRef) {
            String s = r.string("allowed_role_metadata", v);
            if (s == null || s.equals(ConfigReader.UNKNOWN)) {
                return RoleMetadataPolicy.UNSET;
            } else if (s.equals("all")) {
                return new RoleMetadataPolicy(RoleMetadataPolicy.Mode.ALL, List.of());
            } else if (s.equals("none")) {
                return new RoleMetadataPolicy(RoleMetadataPolicy.Mode.NONE, List.of());
            }
            r.error(v.span(), "allowed_role_metadata must be an array of keys or \"all\" or \"none\". Got: " + s, hint);
            return RoleMetadataPolicy.UNSET;
        }
        if (!(v instanceof ConfigValue.ArrayLit)) {
            r.error(v.span(), "allowed_role_metadata must be an array of keys or \"all\" or \"none\". For example: ['key1', 'key2']", hint);
            return RoleMetadataPolicy.UNSET;
        }
        List<String> keys = r.stringList("allowed_role_metadata", v, "values in allowed_role_metadata must be strings.");
        return new RoleMetadataPolicy(RoleMetadataPolicy.Mode.LIST, keys == null ? List.of() : List.copyOf(keys));
    }

    private static Map<String, String> mediaHandlers(ConfigReader r, ConfigValue.MapLit opts) {
        ConfigValue v = opts.get("media_url_handler").orElse(null);
        if (v == null) {
            return Map.of();
        }
        if (!(v instanceof ConfigValue.MapLit m)) {
            r.error(v.span(), "media_url_handler must be a map. Got: " + ConfigReader.kind(v),
                    "write media_url_handler { image \"send_base64\" }");
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (ConfigValue.Entry e : m.entries()) {
            if (!MEDIA_KINDS.contains(e.key())) {
                String guess = Suggestions.closest(e.key(), MEDIA_KINDS);
                r.error(e.keySpan(), "Unknown media type in media_url_handler: " + e.key()
                        + ". Expected one of: " + String.join(", ", MEDIA_KINDS), guess == null ? null : "did you mean `" + guess + "`?");
                continue;
            }
            if (!(e.value() instanceof ConfigValue.StringLit s)) {
                r.error(e.value().span(), "media_url_handler." + e.key() + " must be a string literal. Got: "
                        + ConfigReader.kind(e.value()), "env.X is not allowed here; write one of " + MEDIA_MODES);
                continue;
            }
            if (!MEDIA_MODES.contains(s.value())) {
                String guess = Suggestions.closest(s.value(), MEDIA_MODES);
                r.error(s.span(), "Invalid media URL handling mode: " + s.value() + ". Expected one of: "
                        + String.join(", ", MEDIA_MODES), guess == null ? null : "did you mean `" + guess + "`?");
                continue;
            }
            out.put(e.key(), s.value());
        }
        return out;
    }

    static boolean isInteger(BigDecimal d) {
        return d.signum() == 0 || d.scale() <= 0 || d.stripTrailingZeros().scale() <= 0;
    }

    static final Set<String> SECRET_OPTIONS = Set.of("secret_access_key", "session_token");
}
