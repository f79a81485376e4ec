package dev.baml4j.bedrock.internal;

import java.util.Objects;

/**
 * A secret option value (secret key, session token). Its {@code toString} never shows the value, so
 * a secret cannot leak through a log line, an exception message or a record's {@code toString}.
 */
public final class Secret {

    private final String value;

    public Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    /** The value itself; only for handing to the AWS SDK. */
    public String reveal() {
        return value;
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "****";
    }
}
