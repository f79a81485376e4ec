package dev.baml4j.emulator.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Recognises Bedrock Runtime paths: {@code /model/{modelId}/converse} and {@code /converse-stream}. */
public final class BedrockPaths {
  private static final String PREFIX = "/model/";

  private BedrockPaths() {}

  /** {@code "converse"}, {@code "converse-stream"}, or {@code null} for any other path. */
  public static String operation(String rawPath) {
    String path = stripQuery(rawPath);
    if (!path.startsWith(PREFIX)) {
      return null;
    }
    int slash = path.indexOf('/', PREFIX.length());
    if (slash <= PREFIX.length() || path.indexOf('/', slash + 1) >= 0) {
      return null;
    }
    String op = path.substring(slash + 1);
    return op.equals("converse") || op.equals("converse-stream") ? op : null;
  }

  /** The decoded model id of a Bedrock path ({@code %3A} → {@code :}), or {@code null}. */
  public static String modelId(String rawPath) {
    if (operation(rawPath) == null) {
      return null;
    }
    String path = stripQuery(rawPath);
    String encoded = path.substring(PREFIX.length(), path.indexOf('/', PREFIX.length()));
    if (encoded.indexOf('%') < 0) {
      return encoded;
    }
    // '+' is literal in a path; URLDecoder would turn it into a space.
    return URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  static String stripQuery(String rawPath) {
    int q = rawPath.indexOf('?');
    return q < 0 ? rawPath : rawPath.substring(0, q);
  }
}
