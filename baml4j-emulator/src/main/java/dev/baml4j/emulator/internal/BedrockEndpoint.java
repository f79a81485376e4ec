package dev.baml4j.emulator.internal;

import dev.baml4j.emulator.Fault;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** {@code POST /model/{modelId}/converse} and {@code /converse-stream}: verify, decide, reply. */
final class BedrockEndpoint {
  private final EmulatorState state;

  BedrockEndpoint(EmulatorState state) {
    this.state = state;
  }

  void handle(ChannelHandlerContext ctx, IncomingRequest req, String operation) {
    long start = System.nanoTime();
    SigV4Verifier.Result sig = state.verifier().verify(req.method(), req.uri(), req.headers(), req.body(),
        state.store().config().service(), state.store().config().region());
    if (!sig.valid()) {
      state.hooks().record(req.toRecord(sig, sig.errorType() + ": " + sig.message()));
      Responses.send(ctx, Responses.awsError(403, sig.errorType(), sig.message()), req.keepAlive());
      return;
    }
    if (!req.method().equals("POST")) {
      state.hooks().record(req.toRecord(sig, "UnknownOperationException"));
      Responses.send(ctx, Responses.awsError(404, "UnknownOperationException", "UnknownOperationException"),
          req.keepAlive());
      return;
    }
    ConverseRequest converse = ConverseRequest.parse(BedrockPaths.modelId(req.uri()), req.body());
    if (converse == null) {
      String message = "Malformed input request, please reformat your input and try again.";
      state.hooks().record(req.toRecord(sig, "ValidationException: " + message));
      Responses.send(ctx, Responses.awsError(400, "ValidationException", message), req.keepAlive());
      return;
    }
    state.hooks().record(req.toRecord(sig, null));
    Behaviour.Plan plan = state.behaviour().decide(converse);
    Runnable reply = operation.equals("converse")
        ? () -> converse(ctx, req, plan, start)
        : () -> new StreamSession(ctx, plan, start, state.streams()).startOrFail(req.keepAlive());
    if (plan.firstByteDelayMs() > 0) {
      ctx.executor().schedule(reply, plan.firstByteDelayMs(), TimeUnit.MILLISECONDS);
    } else {
      reply.run();
    }
  }

  private static void converse(ChannelHandlerContext ctx, IncomingRequest req, Behaviour.Plan plan, long start) {
    if (!ctx.channel().isActive()) {
      return;
    }
    Fault fault = plan.fault();
    Fault.Kind kind = fault == null ? null : fault.kind();
    if (kind == Fault.Kind.HTTP_ERROR) {
      Responses.send(ctx, Responses.awsError(fault.status(), fault.errorType(), fault.message()), req.keepAlive());
      return;
    }
    if (kind == Fault.Kind.RESET) {
      Responses.reset(ctx);
      return;
    }
    if (kind == Fault.Kind.STALL) {
      return;
    }
    if (kind == Fault.Kind.NOT_JSON) {
      Responses.send(ctx, Responses.text(200, "application/json", fault.body()), req.keepAlive());
      return;
    }
    long latency = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    byte[] body = ConverseReplies.converse(plan, latency);
    if (kind == Fault.Kind.TRUNCATED_FRAME) {
      // Promise the whole body, send half, then drop the connection.
      FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
          Unpooled.wrappedBuffer(body, 0, body.length / 2));
      res.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
      res.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
      ctx.writeAndFlush(res).addListener((ChannelFutureListener) f -> Responses.reset(ctx));
      return;
    }
    // Stream-only faults (exception events, bad CRCs) don't apply to Converse: it replies normally.
    Responses.send(ctx, Responses.full(200, "application/json", body), req.keepAlive());
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
