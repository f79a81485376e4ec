package dev.baml4j.emulator.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.List;
import java.util.Map;

/**
 * The IAM Identity Center (SSO) portal's {@code GetRoleCredentials}: {@code GET
 * /federation/credentials?account_id=…&role_name=…} with the cached SSO access token in
 * {@code x-amz-sso_bearer_token}, as the SDKs' SSO credential providers call it. The request is
 * not SigV4-signed; the bearer token is the proof, checked against the configured one.
 */
final class SsoPortalEndpoint {
  static final String PATH = "/federation/credentials";
  private final EmulatorState state;

  SsoPortalEndpoint(EmulatorState state) {
    this.state = state;
  }

  void handle(ChannelHandlerContext ctx, IncomingRequest req) {
    String token = req.header("x-amz-sso_bearer_token");
    String required = state.store().config().ssoAccessToken();
    if (token == null || token.isEmpty() || required != null && !required.equals(token)) {
      state.hooks().record(req.toRecord(null, "SSO portal: wrong or missing x-amz-sso_bearer_token"));
      // What the portal answers for an expired or unknown access token.
      Responses.send(ctx, Responses.awsError(401, "UnauthorizedException", "Session token not found or invalid"),
          req.keepAlive());
      return;
    }
    Map<String, List<String>> query = new QueryStringDecoder(req.uri()).parameters();
    String account = first(query, "account_id");
    String role = first(query, "role_name");
    if (!req.method().equals("GET") || account == null || role == null) {
      state.hooks().record(req.toRecord(null, "SSO portal: bad GetRoleCredentials request"));
      Responses.send(ctx, Responses.awsError(400, "InvalidRequestException",
          "GetRoleCredentials needs GET with the account_id and role_name query parameters"), req.keepAlive());
      return;
    }
    String arn = "arn:aws:iam::" + account + ":role/" + role;
    if (!CredentialEndpoints.roleAllowed(state.store().config(), arn)) {
      state.hooks().record(req.toRecord(null, "SSO portal: role not allowed: " + arn));
      Responses.send(ctx, Responses.awsError(403, "ForbiddenException", "No access"), req.keepAlive());
      return;
    }
    state.hooks().record(req.toRecord(null, null));
    CredentialStore.Entry e = state.store().issue(arn);
    ObjectNode o = RulesJson.MAPPER.createObjectNode();
    ObjectNode c = o.putObject("roleCredentials");
    c.put("accessKeyId", e.accessKeyId());
    c.put("secretAccessKey", e.secretAccessKey());
    c.put("sessionToken", e.sessionToken());
    // The portal gives the expiry in epoch milliseconds, unlike STS.
    c.put("expiration", e.expiration().toEpochMilli());
    Responses.send(ctx, Responses.text(200, "application/json", o.toString()), req.keepAlive());
  }

  private static String first(Map<String, List<String>> query, String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() || values.get(0).isEmpty() ? null : values.get(0);
  }
}
