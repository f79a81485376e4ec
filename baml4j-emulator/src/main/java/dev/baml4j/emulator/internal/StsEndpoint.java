package dev.baml4j.emulator.internal;

import dev.baml4j.emulator.Credentials;
import io.netty.channel.ChannelHandlerContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/**
 * STS on the query protocol: {@code AssumeRole} (signed, service {@code sts}),
 * {@code AssumeRoleWithWebIdentity} (unsigned, with a token) and {@code GetCallerIdentity}, with
 * STS's XML replies and errors.
 */
final class StsEndpoint {
  private static final String NS = "https://sts.amazonaws.com/doc/2011-06-15/";
  private final EmulatorState state;

  StsEndpoint(EmulatorState state) {
    this.state = state;
  }

  void handle(ChannelHandlerContext ctx, IncomingRequest req) {
    Map<String, String> form = form(new String(req.body(), StandardCharsets.UTF_8));
    String action = form.getOrDefault("Action", "");
    Credentials config = state.store().config();
    if (action.equals("AssumeRoleWithWebIdentity")) {
      state.hooks().record(req.toRecord(null, null));
      String token = form.get("WebIdentityToken");
      if (token == null || token.isEmpty()
          || config.webIdentityToken() != null && !config.webIdentityToken().equals(token)) {
        error(ctx, req, 400, "InvalidIdentityToken", "The web identity token that was passed could not be "
            + "validated by AWS. Get a new identity token from the identity provider and then retry the request.");
        return;
      }
      assumed(ctx, req, action, form, "<SubjectFromWebIdentityToken>baml4j-emulator-subject"
          + "</SubjectFromWebIdentityToken><Audience>sts.amazonaws.com</Audience>"
          + "<Provider>baml4j-emulator</Provider>");
      return;
    }
    SigV4Verifier.Result sig = state.verifier().verify(req.method(), req.uri(), req.headers(), req.body(), "sts",
        null);
    state.hooks().record(req.toRecord(sig, sig.valid() ? null : sig.errorType() + ": " + sig.message()));
    if (!sig.valid()) {
      String code = sig.errorType().equals("UnrecognizedClientException") ? "InvalidClientTokenId"
          : sig.errorType().equals("InvalidSignatureException") ? "SignatureDoesNotMatch" : sig.errorType();
      error(ctx, req, 403, code, sig.message());
      return;
    }
    if (action.equals("AssumeRole")) {
      Credentials.Role role = config.roles().stream()
          .filter(r -> r.arn().equals(form.get("RoleArn"))).findFirst().orElse(null);
      if (!CredentialEndpoints.roleAllowed(config, form.get("RoleArn"))
          || role != null && role.externalId() != null && !role.externalId().equals(form.get("ExternalId"))) {
        error(ctx, req, 403, "AccessDenied", "User: arn:aws:iam::" + CredentialEndpoints.account() + ":user/"
            + sig.accessKeyId() + " is not authorized to perform: sts:AssumeRole on resource: "
            + form.get("RoleArn"));
        return;
      }
      assumed(ctx, req, action, form, "<PackedPolicySize>6</PackedPolicySize>");
    } else if (action.equals("GetCallerIdentity")) {
      String xml = "<GetCallerIdentityResponse xmlns=\"" + NS + "\"><GetCallerIdentityResult>"
          + "<Arn>arn:aws:iam::" + CredentialEndpoints.account() + ":user/baml4j-emulator</Arn>"
          + "<UserId>" + xmlEscape(sig.accessKeyId()) + "</UserId><Account>" + CredentialEndpoints.account()
          + "</Account></GetCallerIdentityResult>" + metadata() + "</GetCallerIdentityResponse>";
      Responses.send(ctx, Responses.text(200, "text/xml", xml), req.keepAlive());
    } else {
      error(ctx, req, 400, "InvalidAction", "Could not find operation " + action + " for version "
          + form.getOrDefault("Version", "?"));
    }
  }

  private void assumed(ChannelHandlerContext ctx, IncomingRequest req, String action, Map<String, String> form,
      String extra) {
    String roleArn = form.get("RoleArn");
    String session = form.getOrDefault("RoleSessionName", "session");
    if (roleArn == null || !roleArn.startsWith("arn:")) {
      error(ctx, req, 400, "ValidationError", "1 validation error detected: Value '" + roleArn
          + "' at 'roleArn' failed to satisfy constraint: Member must be an ARN");
      return;
    }
    CredentialStore.Entry e = state.store().issue(roleArn, duration(form.get("DurationSeconds")));
    String roleName = roleArn.substring(roleArn.lastIndexOf('/') + 1);
    String xml = "<" + action + "Response xmlns=\"" + NS + "\"><" + action + "Result>"
        + "<Credentials><AccessKeyId>" + e.accessKeyId() + "</AccessKeyId>"
        + "<SecretAccessKey>" + xmlEscape(e.secretAccessKey()) + "</SecretAccessKey>"
        + "<SessionToken>" + xmlEscape(e.sessionToken()) + "</SessionToken>"
        + "<Expiration>" + e.expiration().truncatedTo(ChronoUnit.SECONDS) + "</Expiration></Credentials>"
        + "<AssumedRoleUser><AssumedRoleId>AROAEMULATOR:" + xmlEscape(session) + "</AssumedRoleId>"
        + "<Arn>arn:aws:sts::" + CredentialEndpoints.account() + ":assumed-role/" + xmlEscape(roleName) + "/"
        + xmlEscape(session) + "</Arn></AssumedRoleUser>" + extra + "</" + action + "Result>" + metadata()
        + "</" + action + "Response>";
    Responses.send(ctx, Responses.text(200, "text/xml", xml), req.keepAlive());
  }

  /** STS's {@code DurationSeconds}, 1 hour when absent or unreadable. */
  private static Duration duration(String seconds) {
    try {
      return seconds == null ? CredentialStore.DEFAULT_LIFETIME : Duration.ofSeconds(Long.parseLong(seconds));
    } catch (NumberFormatException e) {
      return CredentialStore.DEFAULT_LIFETIME;
    }
  }

  private static void error(ChannelHandlerContext ctx, IncomingRequest req, int status, String code,
      String message) {
    String xml = "<ErrorResponse xmlns=\"" + NS + "\"><Error><Type>Sender</Type><Code>" + code + "</Code>"
        + "<Message>" + xmlEscape(message) + "</Message></Error><RequestId>" + Responses.requestId()
        + "</RequestId></ErrorResponse>";
    Responses.send(ctx, Responses.text(status, "text/xml", xml), req.keepAlive());
  }

  private static String metadata() {
    return "<ResponseMetadata><RequestId>" + Responses.requestId() + "</RequestId></ResponseMetadata>";
  }

  static Map<String, String> form(String body) {
    Map<String, String> out = new HashMap<>();
    for (String part : body.split("&")) {
      if (part.isEmpty()) {
        continue;
      }
      int eq = part.indexOf('=');
      String k = SigV4.percentDecode(eq < 0 ? part : part.substring(0, eq));
      out.put(k, eq < 0 ? "" : SigV4.percentDecode(part.substring(eq + 1)));
    }
    return out;
  }

  static String xmlEscape(String s) {
    if (s == null) {
      return "";
    }
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
