package dev.baml4j.types;

import dev.baml4j.types.internal.AppendOnlyValues;
import dev.baml4j.types.internal.FrozenMapBuilder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A dynamic BAML value: what a function returns when no generated type is used, and what
 * arguments become before rendering. Immutable; maps and class fields keep their order.
 *
 * <pre>{@code
 * BamlValue v = runtime.call("ExtractResume", Map.of("text", txt));
 * if (v instanceof BamlValue.ClassValue c) System.out.println(c.fields().get("name"));
 * }</pre>
 *
 * {@link #toJson()} gives the JSON form the official runtime's bindings return.
 */
public sealed interface BamlValue {

    record StringValue(String value) implements BamlValue {
        public StringValue {
            Objects.requireNonNull(value, "value");
        }
    }

    record IntValue(long value) implements BamlValue {
    }

    record FloatValue(double value) implements BamlValue {
    }

    record BoolValue(boolean value) implements BamlValue {
        public static final BoolValue TRUE = new BoolValue(true);
        public static final BoolValue FALSE = new BoolValue(false);
    }

    /** The one null value. */
    final class NullValue implements BamlValue {
        public static final NullValue INSTANCE = new NullValue();

        private NullValue() {
        }

        @Override
        public String toString() {
            return "null";
        }
    }

    record ListValue(List<BamlValue> items) implements BamlValue {
        public ListValue {
            // The streaming parser's prefix views are immutable already; copying them would make
            // every partial value cost O(rows so far).
            items = AppendOnlyValues.isView(items) ? items : List.copyOf(items);
        }
    }

    /** A {@code map<K, V>}; keys are strings (enum keys by value name). */
    record MapValue(Map<String, BamlValue> entries) implements BamlValue {
        public MapValue {
            entries = FrozenMapBuilder.isFrozen(entries) ? entries
                    : Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }
    }

    /** An instance of a BAML class, fields by name (not alias), in declaration order. */
    record ClassValue(String className, Map<String, BamlValue> fields) implements BamlValue {
        public ClassValue {
            Objects.requireNonNull(className, "className");
            // Maps from the parser's builder are immutable already (one class value per chunk while streaming).
            fields = FrozenMapBuilder.isFrozen(fields) ? fields : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }
    }

    /** A value of a BAML enum, by value name (not alias). */
    record EnumValue(String enumName, String value) implements BamlValue {
        public EnumValue {
            Objects.requireNonNull(enumName, "enumName");
            Objects.requireNonNull(value, "value");
        }
    }

    /** An image, audio clip, PDF or video, given by URL, base64 data or file path. */
    record MediaValue(BamlType.MediaKind kind, MediaSource source, String data, String mediaType) implements BamlValue {
        public enum MediaSource { URL, BASE64, FILE }

        public MediaValue {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(data, "data");
        }
    }

    /** A value with the results of its {@code @check}s, in declaration order. */
    record CheckedValue(BamlValue value, Map<String, CheckResult> checks) implements BamlValue {
        public CheckedValue {
            Objects.requireNonNull(value, "value");
            checks = Collections.unmodifiableMap(new LinkedHashMap<>(checks));
        }
    }

    record CheckResult(String name, String expression, boolean passed) {
    }

    /** A {@code @stream.with_state} field while streaming: its completion state and value so far. */
    record StreamStateValue(StreamState state, BamlValue value) implements BamlValue {
        public StreamStateValue {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(value, "value");
        }
    }

    enum StreamState { PENDING, INCOMPLETE, COMPLETE }

    static BamlValue of(String s) {
        return new StringValue(s);
    }

    static BamlValue of(long n) {
        return new IntValue(n);
    }

    static BamlValue of(double d) {
        return new FloatValue(d);
    }

    static BamlValue of(boolean b) {
        return b ? BoolValue.TRUE : BoolValue.FALSE;
    }

    static BamlValue nullValue() {
        return NullValue.INSTANCE;
    }

    default boolean isNull() {
        return this == NullValue.INSTANCE;
    }

    /** The JSON the official runtime's bindings give for this value (checks and stream states included). */
    default com.fasterxml.jackson.databind.JsonNode toJson() {
        return BamlValueJson.toJson(this);
    }
}
