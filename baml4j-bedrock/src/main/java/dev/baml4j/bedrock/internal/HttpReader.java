package dev.baml4j.bedrock.internal;

import dev.baml4j.lang.Suggestions;
import dev.baml4j.bedrock.internal.BedrockOptions.HttpTimeouts;
import dev.baml4j.types.ConfigValue;
import java.util.List;

/** {@code http { connect_timeout_ms request_timeout_ms time_to_first_token_timeout_ms idle_timeout_ms }}. */
final class HttpReader {

    static final List<String> KEYS = List.of("connect_timeout_ms", "request_timeout_ms",
            "time_to_first_token_timeout_ms", "idle_timeout_ms");

    private HttpReader() {
    }

    static HttpTimeouts read(ConfigReader r, ConfigValue value) {
        if (value == null) {
            return HttpTimeouts.DEFAULT;
        }
        if (!(value instanceof ConfigValue.MapLit map)) {
            r.error(value.span(), "http must be a map. Got: " + ConfigReader.kind(value),
                    "write http { request_timeout_ms 30000 }");
            return HttpTimeouts.DEFAULT;
        }
        Long connect = null;
        Long request = null;
        Long ttft = null;
        Long idle = null;
        for (ConfigValue.Entry e : map.entries()) {
            String key = e.key();
            if (!KEYS.contains(key)) {
                if (key.equals("total_timeout_ms")) {
                    r.error(e.keySpan(), "Unrecognized field 'total_timeout_ms' in http configuration block. "
                            + "'total_timeout_ms' is only available for composite clients (fallback/round-robin).",
                            "put total_timeout_ms on the fallback or round-robin client");
                } else {
                    String guess = Suggestions.closest(key, KEYS);
                    r.error(e.keySpan(), "Unrecognized field '" + key + "' in http configuration block."
                            + (guess == null ? "" : " Did you mean '" + guess + "'?"),
                            "allowed fields: " + String.join(", ", KEYS));
                }
                continue;
            }
            if (!(e.value() instanceof ConfigValue.NumberLit) && !(e.value() instanceof ConfigValue.EnvRef)) {
                r.error(e.value().span(), key + " must be an integer. Got: " + ConfigReader.kind(e.value()),
                        "write " + key + " 30000 (milliseconds, 0 for no limit)");
                continue;
            }
            Long ms = r.millis(key, e.value());
            switch (key) {
                case "connect_timeout_ms":
                    connect = ms;
                    break;
                case "request_timeout_ms":
                    request = ms;
                    break;
                case "time_to_first_token_timeout_ms":
                    ttft = ms;
                    break;
                default:
                    idle = ms;
            }
        }
        return new HttpTimeouts(connect, request, ttft, idle);
    }
}
