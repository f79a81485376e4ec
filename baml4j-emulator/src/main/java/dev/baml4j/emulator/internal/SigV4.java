package dev.baml4j.emulator.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The pieces of AWS Signature Version 4 (the canonical request, the string to sign, the signing
 * key), written from the published specification so the emulator checks signatures independently
 * of the SDK that made them.
 */
public final class SigV4 {
  static final String ALGORITHM = "AWS4-HMAC-SHA256";
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  });
  private static final ThreadLocal<Mac> HMAC = ThreadLocal.withInitial(() -> {
    try {
      return Mac.getInstance("HmacSHA256");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no HmacSHA256", e);
    }
  });
  /** Signing keys change once a day per scope: caching them saves four HMACs per request. */
  private static final Map<String, byte[]> SIGNING_KEYS = new ConcurrentHashMap<>();

  private SigV4() {}

  /** The canonical request: method, canonical URI, query, headers, signed headers, payload hash. */
  public static String canonicalRequest(String method, String rawPathAndQuery, Map<String, List<String>> headers,
      List<String> signedHeaders, String payloadHash) {
    int q = rawPathAndQuery.indexOf('?');
    String path = q < 0 ? rawPathAndQuery : rawPathAndQuery.substring(0, q);
    String query = q < 0 ? "" : rawPathAndQuery.substring(q + 1);
    StringBuilder sb = new StringBuilder(256);
    sb.append(method).append('\n');
    sb.append(canonicalUri(path)).append('\n');
    sb.append(canonicalQuery(query)).append('\n');
    for (String name : signedHeaders) {
      sb.append(name).append(':').append(canonicalHeaderValue(headers.get(name))).append('\n');
    }
    sb.append('\n').append(String.join(";", signedHeaders)).append('\n').append(payloadHash);
    return sb.toString();
  }

  /** Every service but S3 encodes the (already encoded) path once more, keeping the slashes. */
  static String canonicalUri(String rawPath) {
    if (rawPath.isEmpty()) {
      return "/";
    }
    return encode(rawPath, true);
  }

  static String canonicalQuery(String rawQuery) {
    if (rawQuery.isEmpty()) {
      return "";
    }
    List<String[]> params = new ArrayList<>();
    for (String part : rawQuery.split("&")) {
      if (part.isEmpty()) {
        continue;
      }
      int eq = part.indexOf('=');
      String k = eq < 0 ? part : part.substring(0, eq);
      String v = eq < 0 ? "" : part.substring(eq + 1);
      params.add(new String[] {encode(percentDecode(k), false), encode(percentDecode(v), false)});
    }
    params.sort((a, b) -> {
      int c = a[0].compareTo(b[0]);
      return c != 0 ? c : a[1].compareTo(b[1]);
    });
    StringBuilder sb = new StringBuilder();
    for (String[] p : params) {
      if (sb.length() > 0) {
        sb.append('&');
      }
      sb.append(p[0]).append('=').append(p[1]);
    }
    return sb.toString();
  }

  /** Values trimmed, inner runs of spaces collapsed, repeated headers joined with commas. */
  static String canonicalHeaderValue(List<String> values) {
    if (values == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      String v = values.get(i).strip();
      boolean space = false;
      for (int j = 0; j < v.length(); j++) {
        char c = v.charAt(j);
        if (c == ' ') {
          if (!space) {
            sb.append(c);
          }
          space = true;
        } else {
          sb.append(c);
          space = false;
        }
      }
    }
    return sb.toString();
  }

  public static String stringToSign(String amzDate, String scope, String canonicalRequest) {
    return ALGORITHM + "\n" + amzDate + "\n" + scope + "\n"
        + hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
  }

  /** kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request"). */
  public static byte[] signingKey(String secret, String date, String region, String service) {
    String cacheKey = secret + '\n' + date + '\n' + region + '\n' + service;
    byte[] cached = SIGNING_KEYS.get(cacheKey);
    if (cached != null) {
      return cached;
    }
    byte[] k = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), date);
    k = hmac(k, region);
    k = hmac(k, service);
    k = hmac(k, "aws4_request");
    if (SIGNING_KEYS.size() > 10_000) {
      SIGNING_KEYS.clear();
    }
    SIGNING_KEYS.put(cacheKey, k);
    return k;
  }

  public static String signature(byte[] signingKey, String stringToSign) {
    return hex(hmac(signingKey, stringToSign));
  }

  static byte[] hmac(byte[] key, String data) {
    Mac mac = HMAC.get();
    try {
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot initialise HmacSHA256", e);
    }
    return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
  }

  public static byte[] sha256(byte[] data) {
    MessageDigest md = SHA256.get();
    md.reset();
    return md.digest(data);
  }

  public static String hex(byte[] bytes) {
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
      out[2 * i + 1] = HEX[bytes[i] & 0xf];
    }
    return new String(out);
  }

  /** SigV4 URI encoding: unreserved characters stay, everything else is %XX (upper-case hex). */
  static String encode(String s, boolean keepSlash) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    StringBuilder sb = new StringBuilder(bytes.length + 16);
    for (byte b : bytes) {
      int c = b & 0xff;
      if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_'
          || c == '.' || c == '~' || keepSlash && c == '/') {
        sb.append((char) c);
      } else {
        sb.append('%').append(Character.toUpperCase(HEX[c >> 4])).append(Character.toUpperCase(HEX[c & 0xf]));
      }
    }
    return sb.toString();
  }

  static String percentDecode(String s) {
    if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
      return s;
    }
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(s.length());
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < s.length() + 1 && isHex(s, i + 1) && isHex(s, i + 2)) {
        out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
        i += 3;
      } else if (c == '+') {
        // Form encoding: the STS query protocol sends spaces as '+'.
        out.write(' ');
        i++;
      } else {
        int end = i + Character.charCount(s.codePointAt(i));
        out.writeBytes(s.substring(i, end).getBytes(StandardCharsets.UTF_8));
        i = end;
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static boolean isHex(String s, int i) {
    return i < s.length() && Character.digit(s.charAt(i), 16) >= 0;
  }

  /** Constant-time comparison, so the check leaks no timing. */
  static boolean sameSignature(String a, String b) {
    return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
  }

  static List<String> splitSignedHeaders(String value) {
    List<String> out = new ArrayList<>();
    Collections.addAll(out, value.split(";"));
    return out;
  }
}
