package dev.baml4j.emulator.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Checks a request's SigV4 {@code Authorization} header against the {@link CredentialStore} and
 * answers the way AWS does when it fails (403 with an error type and message).
 */
public final class SigV4Verifier {
  static final String BAD_SIGNATURE = "The request signature we calculated does not match the signature you "
      + "provided. Check your AWS Secret Access Key and signing method. Consult the service documentation "
      + "for details.";
  static final String BAD_TOKEN = "The security token included in the request is invalid.";

  /**
   * The outcome. {@code errorType} is null when the signature verified.
   *
   * @param accessKeyId the key of the signature, when it could be read
   * @param region the region of the scope, when it could be read
   * @param service the service of the scope, when it could be read
   * @param errorType the AWS error type of the rejection
   * @param message the AWS message of the rejection
   */
  public record Result(String accessKeyId, String region, String service, String errorType, String message) {
    public boolean valid() {
      return errorType == null;
    }
  }

  private final CredentialStore store;

  public SigV4Verifier(CredentialStore store) {
    this.store = store;
  }

  /**
   * Verifies a request.
   *
   * @param headers headers by lower-case name
   * @param expectedService the signing name the endpoint requires
   * @param requiredRegion the only region accepted, or {@code null} for any
   */
  public Result verify(String method, String rawPathAndQuery, Map<String, List<String>> headers, byte[] body,
      String expectedService, String requiredRegion) {
    String auth = first(headers, "authorization");
    if (auth == null) {
      return new Result(null, null, null, "MissingAuthenticationTokenException", "Missing Authentication Token");
    }
    if (!auth.startsWith(SigV4.ALGORITHM + " ")) {
      return new Result(null, null, null, "IncompleteSignatureException",
          "Authorization header requires the " + SigV4.ALGORITHM + " algorithm.");
    }
    String credential = null;
    String signedHeaders = null;
    String signature = null;
    for (String part : auth.substring(SigV4.ALGORITHM.length() + 1).split(",")) {
      String p = part.strip();
      if (p.startsWith("Credential=")) {
        credential = p.substring("Credential=".length());
      } else if (p.startsWith("SignedHeaders=")) {
        signedHeaders = p.substring("SignedHeaders=".length());
      } else if (p.startsWith("Signature=")) {
        signature = p.substring("Signature=".length());
      }
    }
    String[] scope = credential == null ? new String[0] : credential.split("/");
    if (scope.length != 5 || signedHeaders == null || signature == null || !"aws4_request".equals(scope[4])) {
      return new Result(null, null, null, "IncompleteSignatureException",
          "Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' parameters.");
    }
    String keyId = scope[0];
    String date = scope[1];
    String region = scope[2];
    String service = scope[3];
    if (!service.equals(expectedService)) {
      return new Result(keyId, region, service, "InvalidSignatureException",
          "Credential should be scoped to correct service: '" + expectedService + "'. ");
    }
    if (requiredRegion != null && !requiredRegion.equals(region)) {
      return new Result(keyId, region, service, "InvalidSignatureException",
          "Credential should be scoped to a valid region. ");
    }
    CredentialStore.Entry key = store.find(keyId);
    if (key == null) {
      return new Result(keyId, region, service, "UnrecognizedClientException", BAD_TOKEN);
    }
    if (key.sessionToken() != null && !key.sessionToken().equals(first(headers, "x-amz-security-token"))) {
      return new Result(keyId, region, service, "UnrecognizedClientException", BAD_TOKEN);
    }
    if (key.expiration() != null && Instant.now().isAfter(key.expiration())) {
      return new Result(keyId, region, service, "ExpiredTokenException",
          "The security token included in the request is expired");
    }
    String amzDate = first(headers, "x-amz-date");
    if (amzDate == null || !amzDate.startsWith(date)) {
      return new Result(keyId, region, service, "IncompleteSignatureException",
          "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP.");
    }
    List<String> signed = SigV4.splitSignedHeaders(signedHeaders);
    if (!signed.contains("host")) {
      return new Result(keyId, region, service, "InvalidSignatureException",
          "'Host' must be a 'SignedHeader' in the AWS Authorization.");
    }
    String payloadHash = first(headers, "x-amz-content-sha256");
    String bodyHash = SigV4.hex(SigV4.sha256(body));
    if (payloadHash == null) {
      payloadHash = bodyHash;
    } else if (!payloadHash.equals("UNSIGNED-PAYLOAD") && !payloadHash.equals(bodyHash)) {
      return new Result(keyId, region, service, "InvalidSignatureException",
          "The provided 'x-amz-content-sha256' header does not match what was computed.");
    }
    String canonical = SigV4.canonicalRequest(method, rawPathAndQuery, headers, signed, payloadHash);
    String toSign = SigV4.stringToSign(amzDate, date + "/" + region + "/" + service + "/aws4_request", canonical);
    String expected = SigV4.signature(SigV4.signingKey(key.secretAccessKey(), date, region, service), toSign);
    if (!SigV4.sameSignature(expected, signature)) {
      return new Result(keyId, region, service, "InvalidSignatureException", BAD_SIGNATURE);
    }
    return new Result(keyId, region, service, null, null);
  }

  static String first(Map<String, List<String>> headers, String name) {
    List<String> v = headers.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }
}
