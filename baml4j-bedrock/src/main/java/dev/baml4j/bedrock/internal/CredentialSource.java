package dev.baml4j.bedrock.internal;

import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * Where a client's credentials come from, and the SDK provider that fetches (and caches and
 * refreshes) them. {@code key} identifies the source for client reuse; it holds secrets only as
 * {@link Secret}s and {@code description} never holds any.
 */
public record CredentialSource(String description, Object key, AwsCredentialsProvider provider, boolean explicit) {
    public CredentialSource {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(key, "key");
    }

    @Override
    public String toString() {
        return description;
    }
}
