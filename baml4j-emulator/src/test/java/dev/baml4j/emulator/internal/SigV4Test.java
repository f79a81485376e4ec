package dev.baml4j.emulator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baml4j.emulator.Credentials;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The SigV4 pieces against AWS's published Signature Version 4 test suite (credentials
 * AKIDEXAMPLE, 20150830T123600Z, us-east-1, service "service"), and the verifier against real
 * signed requests captured from the AWS SDK for Rust (spec/captures).
 */
class SigV4Test {
  private static final String SECRET = Credentials.EXAMPLE_SECRET_ACCESS_KEY;
  private static final String DATE = "20150830T123600Z";
  private static final String SCOPE = "20150830/us-east-1/service/aws4_request";
  private static final String EMPTY_HASH = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  private static String suiteSignature(String method, String path, Map<String, List<String>> extra, String body) {
    Map<String, List<String>> headers = new LinkedHashMap<>(extra);
    headers.put("host", List.of("example.amazonaws.com"));
    headers.put("x-amz-date", List.of(DATE));
    List<String> signed = new ArrayList<>(headers.keySet());
    signed.sort(null);
    String canonical = SigV4.canonicalRequest(method, path, headers, signed,
        SigV4.hex(SigV4.sha256(body.getBytes(StandardCharsets.UTF_8))));
    return SigV4.signature(SigV4.signingKey(SECRET, "20150830", "us-east-1", "service"),
        SigV4.stringToSign(DATE, SCOPE, canonical));
  }

  @Test
  void getVanillaMatchesTheSuiteAtEveryStep() {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("host", List.of("example.amazonaws.com"));
    headers.put("x-amz-date", List.of(DATE));
    String canonical = SigV4.canonicalRequest("GET", "/", headers, List.of("host", "x-amz-date"), EMPTY_HASH);
    assertThat(canonical).isEqualTo("GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\n"
        + "host;x-amz-date\n" + EMPTY_HASH);
    String toSign = SigV4.stringToSign(DATE, SCOPE, canonical);
    assertThat(toSign).isEqualTo("AWS4-HMAC-SHA256\n20150830T123600Z\n" + SCOPE + "\n"
        + "bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63");
    assertThat(suiteSignature("GET", "/", Map.of(), ""))
        .isEqualTo("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
  }

  @Test
  void suiteVectors() {
    assertThat(suiteSignature("POST", "/", Map.of(), ""))
        .as("post-vanilla").isEqualTo("5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b");
    assertThat(suiteSignature("GET", "/?Param2=value2&Param1=value1", Map.of(), ""))
        .as("get-vanilla-query-order-key-case")
        .isEqualTo("b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500");
    assertThat(suiteSignature("GET", "/-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
        Map.of(), "")).as("get-unreserved")
        .isEqualTo("07ef7494c76fa4850883e2b006601f940f8a34d404d0cfa977f52a65bbf5f24f");
    assertThat(suiteSignature("GET", "/\u1234", Map.of(), ""))
        .as("get-utf8").isEqualTo("8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85");
  }

  @Test
  void documentedIamSigningKey() {
    // The IAM example of the SigV4 documentation: 20150830 / us-east-1 / iam.
    assertThat(SigV4.hex(SigV4.signingKey(SECRET, "20150830", "us-east-1", "iam")))
        .isEqualTo("c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9");
  }

  @Test
  void bedrockPathsAreEncodedTwice() {
    assertThat(SigV4.canonicalUri("/model/anthropic.claude-3-haiku-20240307-v1%3A0/converse"))
        .isEqualTo("/model/anthropic.claude-3-haiku-20240307-v1%253A0/converse");
  }

  @Test
  void headerValuesAreTrimmedAndCollapsed() {
    assertThat(SigV4.canonicalHeaderValue(List.of("  a   b  c ", "d"))).isEqualTo("a b c,d");
  }

  @Test
  void verifiesARequestSignedByTheRustSdk() throws Exception {
    JsonNode wire = capture("01-extract-resume-converse.json");
    CredentialStore store = new CredentialStore(Credentials.defaults());
    SigV4Verifier.Result ok = new SigV4Verifier(store).verify("POST", wire.get("path").asText(), headers(wire),
        wire.get("bodyRaw").asText().getBytes(StandardCharsets.UTF_8), "bedrock", null);
    assertThat(ok.valid()).as(ok.message()).isTrue();
    assertThat(ok.accessKeyId()).isEqualTo("AKIDEXAMPLE");

    byte[] tampered = wire.get("bodyRaw").asText().replace("Vaibhav", "Vaibhaw").getBytes(StandardCharsets.UTF_8);
    SigV4Verifier.Result bad = new SigV4Verifier(store).verify("POST", wire.get("path").asText(), headers(wire),
        tampered, "bedrock", null);
    assertThat(bad.errorType()).isEqualTo("InvalidSignatureException");

    SigV4Verifier.Result wrongRegion = new SigV4Verifier(store).verify("POST", wire.get("path").asText(),
        headers(wire), wire.get("bodyRaw").asText().getBytes(StandardCharsets.UTF_8), "bedrock", "eu-west-1");
    assertThat(wrongRegion.errorType()).isEqualTo("InvalidSignatureException");
    assertThat(wrongRegion.message()).contains("region");

    SigV4Verifier.Result wrongService = new SigV4Verifier(store).verify("POST", wire.get("path").asText(),
        headers(wire), wire.get("bodyRaw").asText().getBytes(StandardCharsets.UTF_8), "bedrock-runtime", null);
    assertThat(wrongService.errorType()).isEqualTo("InvalidSignatureException");
    assertThat(wrongService.message()).contains("service");
  }

  @Test
  void sessionTokenRequestsNeedTheToken() throws Exception {
    JsonNode wire = capture("03-session-token-and-extra-fields.json");
    String token = "FQoGZXIvYXdzEXAMPLESESSIONTOKEN//////////wEaDEXAMPLE";
    byte[] body = wire.get("bodyRaw").asText().getBytes(StandardCharsets.UTF_8);
    CredentialStore withToken = new CredentialStore(Credentials.of(new Credentials.Key("ASIAEXAMPLETEMPKEY", SECRET,
        token)));
    assertThat(new SigV4Verifier(withToken).verify("POST", wire.get("path").asText(), headers(wire), body,
        "bedrock", "us-west-2").valid()).isTrue();

    CredentialStore otherToken = new CredentialStore(Credentials.of(new Credentials.Key("ASIAEXAMPLETEMPKEY", SECRET,
        "another-token")));
    SigV4Verifier.Result rejected = new SigV4Verifier(otherToken).verify("POST", wire.get("path").asText(),
        headers(wire), body, "bedrock", null);
    assertThat(rejected.errorType()).isEqualTo("UnrecognizedClientException");
    assertThat(rejected.message()).isEqualTo("The security token included in the request is invalid.");

    SigV4Verifier.Result unknown = new SigV4Verifier(new CredentialStore(Credentials.defaults())).verify("POST",
        wire.get("path").asText(), headers(wire), body, "bedrock", null);
    assertThat(unknown.errorType()).isEqualTo("UnrecognizedClientException");
  }

  @Test
  void missingAuthorizationIsRejected() {
    SigV4Verifier.Result r = new SigV4Verifier(new CredentialStore(Credentials.defaults())).verify("POST", "/",
        Map.of(), new byte[0], "bedrock", null);
    assertThat(r.errorType()).isEqualTo("MissingAuthenticationTokenException");
  }

  static JsonNode capture(String name) throws Exception {
    try (InputStream in = SigV4Test.class.getResourceAsStream("/captures/" + name)) {
      return new ObjectMapper().readTree(in).get("wire").get(0);
    }
  }

  static Map<String, List<String>> headers(JsonNode wire) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (JsonNode h : wire.get("headers")) {
      out.computeIfAbsent(h.get(0).asText(), k -> new ArrayList<>()).add(h.get(1).asText());
    }
    return out;
  }
}
