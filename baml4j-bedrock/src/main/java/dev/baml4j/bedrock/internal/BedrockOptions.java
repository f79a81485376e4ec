package dev.baml4j.bedrock.internal;

import java.util.List;
import java.util.Map;

/**
 * A client's {@code aws-bedrock} options after validation and {@code env.X} resolution. Secrets are
 * {@link Secret}s, so {@code toString} is safe to log. {@code envSources} maps an option name to
 * the environment variable it came from, for error messages.
 */
public record BedrockOptions(
        String clientName,
        String model,
        String region,
        String endpointUrl,
        String accessKeyId,
        Secret secretAccessKey,
        Secret sessionToken,
        String profile,
        InferenceSettings inference,
        Map<String, Object> additionalModelRequestFields,
        List<String> allowedRoles,
        String defaultRole,
        Map<String, String> remapRoles,
        RoleMetadataPolicy roleMetadata,
        boolean supportsStreaming,
        List<String> finishReasonAllowList,
        List<String> finishReasonDenyList,
        Map<String, String> mediaUrlHandlers,
        HttpTimeouts http,
        Map<String, String> envSources) {

    /** {@code inference_configuration}: only what was set; floats are 32-bit as Converse defines them. */
    public record InferenceSettings(Integer maxTokens, Float temperature, Float topP, List<String> stopSequences) {
        public static final InferenceSettings EMPTY = new InferenceSettings(null, null, null, null);
    }

    /** {@code http { ... }}: milliseconds, null when unset, 0 meaning no limit. */
    public record HttpTimeouts(Long connectTimeoutMs, Long requestTimeoutMs, Long timeToFirstTokenTimeoutMs,
            Long idleTimeoutMs) {
        public static final HttpTimeouts DEFAULT = new HttpTimeouts(null, null, null, null);
    }

    /** {@code allowed_role_metadata}: {@code "all"}, {@code "none"}, a list of keys, or unset. */
    public record RoleMetadataPolicy(Mode mode, List<String> keys) {
        public enum Mode { UNSET, ALL, NONE, LIST }

        public static final RoleMetadataPolicy UNSET = new RoleMetadataPolicy(Mode.UNSET, List.of());

        /**
         * Whether a metadata key reaches the request. Unset behaves like the official runtime, which
         * honours {@code cache_control} without any {@code allowed_role_metadata} (corpus role_metadata cases).
         */
        public boolean allows(String key) {
            switch (mode) {
                case ALL:
                    return true;
                case NONE:
                    return false;
                case LIST:
                    return keys.contains(key);
                default:
                    return key.equals("cache_control");
            }
        }
    }

    /** The media handling mode for a kind ({@code image}, {@code pdf}, ...), with Bedrock's defaults. */
    public String mediaMode(String kind) {
        String mode = mediaUrlHandlers.get(kind);
        if (mode != null) {
            return mode;
        }
        return kind.equals("video") ? "send_url" : "send_base64";
    }

    /** How an option was given, for messages: {@code region (from env.AWS_REGION_X)}. */
    public String describeOption(String option) {
        String var = envSources.get(option);
        return var == null ? "option `" + option + "`" : "option `" + option + "` (from env." + var + ")";
    }
}
