package dev.baml4j.emulator.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baml4j.emulator.RecordedRequest;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http2.Http2StreamChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Routes each request (HTTP/1.1, or an HTTP/2 stream bridged to HTTP/1 objects) to its endpoint. */
@ChannelHandler.Sharable
public final class Dispatcher extends SimpleChannelInboundHandler<FullHttpRequest> {
  private final EmulatorState state;
  private final BedrockEndpoint bedrock;
  private final CredentialEndpoints credentials;

  public Dispatcher(EmulatorState state) {
    this.state = state;
    this.bedrock = new BedrockEndpoint(state);
    this.credentials = new CredentialEndpoints(state);
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest msg) {
    if (msg.decoderResult().isFailure()) {
      Responses.send(ctx, Responses.awsError(400, "SerializationException", "Malformed HTTP request: "
          + msg.decoderResult().cause().getMessage()), false);
      return;
    }
    IncomingRequest req = IncomingRequest.of(msg, ctx.channel() instanceof Http2StreamChannel);
    String path = req.path();
    String operation = BedrockPaths.operation(path);
    if (operation != null) {
      bedrock.handle(ctx, req, operation);
    } else if (path.startsWith("/__")) {
      control(ctx, req, path);
    } else if (!credentials.handle(ctx, req)) {
      state.hooks().record(req.toRecord(null, "UnknownOperationException"));
      Responses.send(ctx, Responses.awsError(404, "UnknownOperationException",
          "No such endpoint: " + req.method() + " " + path), req.keepAlive());
    }
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    StreamSession session = ctx.channel().attr(StreamSession.KEY).get();
    if (session != null && ctx.channel().isWritable()) {
      session.pump();
    }
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // Clients dropping connections mid-reply is normal here (faults, cancelled streams): just close.
    ctx.close();
  }

  private void control(ChannelHandlerContext ctx, IncomingRequest req, String path) {
    if (path.equals("/__requests") && req.method().equals("GET")) {
      byte[] body = journalJson(state.hooks().journal()).getBytes(StandardCharsets.UTF_8);
      Responses.send(ctx, Responses.full(200, "application/json", body), req.keepAlive());
    } else if (path.equals("/__reset") && req.method().equals("POST")) {
      state.hooks().reset();
      Responses.send(ctx, Responses.text(200, "application/json", "{\"ok\":true}"), req.keepAlive());
    } else if (path.equals("/__control") && req.method().equals("POST")) {
      try {
        state.hooks().control(RulesJson.parseControl(new String(req.body(), StandardCharsets.UTF_8),
            "POST /__control"));
        Responses.send(ctx, Responses.text(200, "application/json", "{\"ok\":true}"), req.keepAlive());
      } catch (IllegalArgumentException e) {
        Responses.send(ctx, Responses.awsError(400, "ValidationException", e.getMessage()), req.keepAlive());
      }
    } else {
      Responses.send(ctx, Responses.awsError(404, "UnknownOperationException",
          "No such endpoint: " + req.method() + " " + path + " (use GET /__requests, POST /__control, POST /__reset)"),
          req.keepAlive());
    }
  }

  /** The journal as JSON: one object per request, oldest first. */
  public static String journalJson(List<RecordedRequest> requests) {
    ArrayNode out = RulesJson.MAPPER.createArrayNode();
    for (RecordedRequest r : requests) {
      ObjectNode o = out.addObject();
      o.put("receivedAt", r.receivedAt().toString());
      o.put("method", r.method());
      o.put("path", r.path());
      o.put("httpVersion", r.httpVersion());
      ObjectNode headers = o.putObject("headers");
      for (Map.Entry<String, List<String>> h : r.headers().entrySet()) {
        ArrayNode values = headers.putArray(h.getKey());
        h.getValue().forEach(values::add);
      }
      o.put("body", r.body());
      if (r.signatureValid() == null) {
        o.putNull("signatureValid");
      } else {
        o.put("signatureValid", r.signatureValid());
      }
      o.put("accessKeyId", r.accessKeyId());
      o.put("region", r.region());
      o.put("service", r.service());
      o.put("modelId", r.modelId());
      o.put("rejection", r.rejection());
    }
    return out.toString();
  }
}
