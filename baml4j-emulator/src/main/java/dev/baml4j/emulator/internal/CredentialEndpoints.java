package dev.baml4j.emulator.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baml4j.emulator.Credentials;
import io.netty.channel.ChannelHandlerContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The credential sources of the AWS SDKs, served on the emulator's port: STS (query protocol),
 * the SSO portal, the ECS/EKS container credentials endpoint and EC2 instance metadata (IMDSv2,
 * with the instance's role credentials and its region). Every set of
 * credentials they hand out is accepted by the Bedrock endpoint, with its session token.
 */
final class CredentialEndpoints {
  /** The role name IMDS reports. */
  static final String IMDS_ROLE = "baml4j-emulator-role";
  static final String CONTAINER_PATH = "/container/credentials";
  private static final String ACCOUNT = "123456789012";
  private static final String IMDS_CREDS = "/latest/meta-data/iam/security-credentials";

  private final EmulatorState state;
  private final StsEndpoint sts;
  private final SsoPortalEndpoint sso;
  private final Map<String, Instant> imdsTokens = new ConcurrentHashMap<>();

  CredentialEndpoints(EmulatorState state) {
    this.state = state;
    this.sts = new StsEndpoint(state);
    this.sso = new SsoPortalEndpoint(state);
  }

  /** Handles the request if it is for one of these endpoints; false otherwise. */
  boolean handle(ChannelHandlerContext ctx, IncomingRequest req) {
    String path = req.path();
    if (path.equals("/") && req.method().equals("POST")) {
      sts.handle(ctx, req);
      return true;
    }
    if (path.equals(CONTAINER_PATH) || path.startsWith("/v2/credentials")) {
      container(ctx, req);
      return true;
    }
    if (path.equals(SsoPortalEndpoint.PATH)) {
      sso.handle(ctx, req);
      return true;
    }
    if (path.startsWith("/latest/")) {
      imds(ctx, req, path);
      return true;
    }
    return false;
  }

  private void container(ChannelHandlerContext ctx, IncomingRequest req) {
    String required = state.store().config().containerAuthorizationToken();
    if (required != null && !required.equals(req.header("authorization"))) {
      state.hooks().record(req.toRecord(null, "container credentials: wrong or missing Authorization"));
      Responses.send(ctx, Responses.text(401, "application/json",
          "{\"code\":\"AccessDenied\",\"message\":\"The Authorization header does not match the container "
              + "authorization token.\"}"), req.keepAlive());
      return;
    }
    state.hooks().record(req.toRecord(null, null));
    CredentialStore.Entry e = state.store().issue("arn:aws:iam::" + ACCOUNT + ":role/baml4j-emulator-task-role");
    ObjectNode o = RulesJson.MAPPER.createObjectNode();
    o.put("RoleArn", e.roleArn());
    o.put("AccessKeyId", e.accessKeyId());
    o.put("SecretAccessKey", e.secretAccessKey());
    o.put("Token", e.sessionToken());
    o.put("Expiration", e.expiration().truncatedTo(ChronoUnit.SECONDS).toString());
    Responses.send(ctx, Responses.text(200, "application/json", o.toString()), req.keepAlive());
  }

  private void imds(ChannelHandlerContext ctx, IncomingRequest req, String path) {
    state.hooks().record(req.toRecord(null, null));
    if (path.equals("/latest/api/token")) {
      imdsToken(ctx, req);
      return;
    }
    String token = req.header("x-aws-ec2-metadata-token");
    Instant expiry = token == null ? null : imdsTokens.get(token);
    if (expiry == null || Instant.now().isAfter(expiry)) {
      // IMDSv2 only: a missing or expired session token is 401, as on EC2 with tokens required.
      Responses.send(ctx, Responses.text(401, "text/plain", "Unauthorized"), req.keepAlive());
      return;
    }
    if (!req.method().equals("GET")) {
      Responses.send(ctx, Responses.text(405, "text/plain", "Method Not Allowed"), req.keepAlive());
      return;
    }
    if (path.equals("/latest/meta-data/placement/region")) {
      Responses.send(ctx, Responses.text(200, "text/plain", state.store().config().reportedInstanceRegion()),
          req.keepAlive());
      return;
    }
    String rest = null;
    boolean extended = false;
    if (path.startsWith(IMDS_CREDS + "-extended/")) {
      rest = path.substring(IMDS_CREDS.length() + "-extended/".length());
      extended = true;
    } else if (path.startsWith(IMDS_CREDS + "/")) {
      rest = path.substring(IMDS_CREDS.length() + 1);
    }
    if (rest == null || !rest.isEmpty() && !rest.equals(IMDS_ROLE)) {
      Responses.send(ctx, Responses.text(404, "text/plain", "Not Found"), req.keepAlive());
      return;
    }
    if (rest.isEmpty()) {
      Responses.send(ctx, Responses.text(200, "text/plain", IMDS_ROLE), req.keepAlive());
      return;
    }
    CredentialStore.Entry e = state.store().issue("arn:aws:iam::" + ACCOUNT + ":role/" + IMDS_ROLE);
    ObjectNode o = RulesJson.MAPPER.createObjectNode();
    o.put("Code", "Success");
    o.put("LastUpdated", Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
    o.put("Type", "AWS-HMAC");
    o.put("AccessKeyId", e.accessKeyId());
    o.put("SecretAccessKey", e.secretAccessKey());
    o.put("Token", e.sessionToken());
    o.put("Expiration", e.expiration().truncatedTo(ChronoUnit.SECONDS).toString());
    if (extended) {
      o.put("AccountId", ACCOUNT);
    }
    Responses.send(ctx, Responses.text(200, "text/plain", o.toString()), req.keepAlive());
  }

  private void imdsToken(ChannelHandlerContext ctx, IncomingRequest req) {
    String ttl = req.header("x-aws-ec2-metadata-token-ttl-seconds");
    int seconds;
    try {
      seconds = ttl == null ? -1 : Integer.parseInt(ttl.strip());
    } catch (NumberFormatException e) {
      seconds = -1;
    }
    if (!req.method().equals("PUT") || seconds < 1 || seconds > 21600) {
      Responses.send(ctx, Responses.text(400, "text/plain", "Bad Request"), req.keepAlive());
      return;
    }
    String token = state.store().randomToken();
    imdsTokens.put(token, Instant.now().plusSeconds(seconds));
    var res = Responses.text(200, "text/plain", token);
    res.headers().set("x-aws-ec2-metadata-token-ttl-seconds", String.valueOf(seconds));
    Responses.send(ctx, res, req.keepAlive());
  }

  static String account() {
    return ACCOUNT;
  }

  static boolean roleAllowed(Credentials config, String arn) {
    return config.roles().isEmpty() || config.roles().stream().anyMatch(r -> r.arn().equals(arn));
  }
}
