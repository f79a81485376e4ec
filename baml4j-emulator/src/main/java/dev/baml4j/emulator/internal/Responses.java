package dev.baml4j.emulator.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http2.Http2StreamChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/** Writing replies: full responses, AWS JSON errors, and connection resets. */
public final class Responses {
  /** The suffix Bedrock puts after the error type in {@code x-amzn-errortype} (see the captures). */
  static final String ERROR_TYPE_SUFFIX = ":http://internal.amazon.com/coral/com.amazon.bedrock/";

  private Responses() {}

  /** A request id in the UUID shape AWS uses, without SecureRandom contention. */
  static String requestId() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return new java.util.UUID(r.nextLong(), r.nextLong()).toString();
  }

  static FullHttpResponse full(int status, String contentType, byte[] body) {
    return full(status, contentType, Unpooled.wrappedBuffer(body), body.length);
  }

  static FullHttpResponse full(int status, String contentType, ByteBuf body, int contentLength) {
    FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status), body);
    res.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
    res.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, contentLength);
    res.headers().set("x-amzn-requestid", requestId());
    return res;
  }

  /** Sends a response, closing an HTTP/1.1 connection afterwards when the client asked for it. */
  static void send(ChannelHandlerContext ctx, FullHttpResponse res, boolean keepAlive) {
    if (keepAlive || ctx.channel() instanceof Http2StreamChannel) {
      ctx.writeAndFlush(res, ctx.voidPromise());
    } else {
      res.headers().set(HttpHeaderNames.CONNECTION, "close");
      ctx.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
    }
  }

  /** An AWS JSON error: status, {@code x-amzn-errortype} (when given) and {@code {"message": ...}}. */
  static FullHttpResponse awsError(int status, String errorType, String message) {
    byte[] body = ConverseReplies.message(message);
    FullHttpResponse res = full(status, "application/json", body);
    if (errorType != null) {
      res.headers().set("x-amzn-errortype", errorType + ERROR_TYPE_SUFFIX);
    }
    return res;
  }

  static FullHttpResponse text(int status, String contentType, String body) {
    return full(status, contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  /** Resets the TCP connection (RST rather than FIN): SO_LINGER 0, then close. */
  static void reset(ChannelHandlerContext ctx) {
    Channel ch = ctx.channel();
    Channel tcp = ch instanceof Http2StreamChannel ? ch.parent() : ch;
    tcp.config().setOption(ChannelOption.SO_LINGER, 0);
    tcp.close();
  }
}
