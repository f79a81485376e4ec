package dev.baml4j.emulator;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One request the emulator received, as it came over the wire.
 *
 * @param receivedAt when the request was complete
 * @param method HTTP method
 * @param path the raw path and query, as sent (still percent-encoded)
 * @param httpVersion {@code HTTP/1.1} or {@code HTTP/2}
 * @param headers headers by lower-case name, in arrival order
 * @param body the body as UTF-8 text
 * @param signatureValid whether the SigV4 signature verified ({@code null}: the endpoint is not signed)
 * @param accessKeyId the access key id of the signature, if any
 * @param region the region of the signature scope, if any
 * @param service the service of the signature scope, if any
 * @param rejection why the request was rejected (error type and message), or {@code null}
 */
public record RecordedRequest(
    Instant receivedAt,
    String method,
    String path,
    String httpVersion,
    Map<String, List<String>> headers,
    String body,
    Boolean signatureValid,
    String accessKeyId,
    String region,
    String service,
    String rejection) {

  /** The first value of a header (name case-insensitive), or {@code null}. */
  public String header(String name) {
    List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** The model id from a Bedrock path, decoded ({@code null} for other paths). */
  public String modelId() {
    return dev.baml4j.emulator.internal.BedrockPaths.modelId(path);
  }

  /** Whether the request carried an {@code x-amz-security-token}. */
  public boolean hasSessionToken() {
    return header("x-amz-security-token") != null;
  }

  @Override
  public String toString() {
    // The session token and the signature are credentials: keep them out of logs.
    return "RecordedRequest[" + method + " " + path + " " + httpVersion + ", accessKeyId=" + accessKeyId
        + ", region=" + region + ", signatureValid=" + signatureValid
        + (rejection == null ? "" : ", rejection=" + rejection) + ", sessionToken="
        + (hasSessionToken() ? "****" : "none") + ", body=" + body.length() + " chars]";
  }
}
