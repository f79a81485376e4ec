package dev.baml4j.emulator.internal;

import dev.baml4j.emulator.Fault;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.GenericFutureListener;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * One ConverseStream reply in progress. It runs on the channel's event loop: frames are written
 * while the channel is writable (the client's flow control), paced by the plan's delays, and a
 * fault replaces the rest of the stream at its point.
 */
final class StreamSession {
  static final AttributeKey<StreamSession> KEY = AttributeKey.valueOf("baml4j.streamSession");
  private static final int BATCH = 64;

  private final ChannelHandlerContext ctx;
  private final Behaviour.Plan plan;
  private final long startNanos;
  private final int[] cuts;
  private int nextDelta;
  private boolean finished;
  private boolean waitingForTimer;
  private boolean delayElapsed;
  private final StreamRegistry streams;
  private boolean counted;
  private boolean keepAlive = true;
  private final GenericFutureListener<Future<? super Void>> onClose = f -> ended();

  StreamSession(ChannelHandlerContext ctx, Behaviour.Plan plan, long startNanos, StreamRegistry streams) {
    this.ctx = ctx;
    this.streams = streams;
    this.plan = plan;
    this.startNanos = startNanos;
    this.cuts = cuts(plan.text(), plan.deltas());
  }

  /** Answers with the plan's HTTP-level fault if it has one, else starts the stream. */
  void startOrFail(boolean keepAlive) {
    this.keepAlive = keepAlive;
    if (!ctx.channel().isActive()) {
      return;
    }
    Fault f = plan.fault();
    if (f != null && f.kind() == Fault.Kind.HTTP_ERROR) {
      Responses.send(ctx, Responses.awsError(f.status(), f.errorType(), f.message()), keepAlive);
      return;
    }
    if (f != null && f.afterDeltas() == 0 && (f.kind() == Fault.Kind.RESET || f.kind() == Fault.Kind.STALL)) {
      // Nothing at all is sent: not even the response head.
      if (f.kind() == Fault.Kind.RESET) {
        Responses.reset(ctx);
      }
      return;
    }
    start();
  }

  /** Sends the response head and {@code messageStart}, then the deltas. */
  private void start() {
    ctx.channel().attr(KEY).set(this);
    counted = true;
    streams.opened();
    // A stream ends when it finishes, fails or its connection closes (stalls end that way).
    ctx.channel().closeFuture().addListener(onClose);
    HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
    head.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/vnd.amazon.eventstream");
    head.headers().set("x-amzn-requestid", Responses.requestId());
    if (!(ctx.channel() instanceof Http2StreamChannel)) {
      head.headers().set(HttpHeaderNames.TRANSFER_ENCODING, "chunked");
    }
    ctx.write(head, ctx.voidPromise());
    ctx.write(frame(EventStreamFrames.event(ctx.alloc(), "messageStart", ConverseReplies.messageStart())),
        ctx.voidPromise());
    pump();
  }

  /** Writes what it can now; called again when the channel becomes writable or a delay ends. */
  void pump() {
    if (finished || waitingForTimer) {
      return;
    }
    if (!ctx.channel().isActive()) {
      finished = true;
      return;
    }
    if (streams.parkIfHeld(this)) {
      ctx.flush();
      return;
    }
    int written = 0;
    while (true) {
      if (faultDue()) {
        ctx.flush();
        injectFault();
        return;
      }
      if (nextDelta == plan.deltas()) {
        finish();
        return;
      }
      if (plan.deltaDelayMs() > 0 && nextDelta > 0 && !delayElapsed) {
        ctx.flush();
        waitingForTimer = true;
        ctx.executor().schedule(this::afterDelay, plan.deltaDelayMs(), TimeUnit.MILLISECONDS);
        return;
      }
      writeDelta();
      delayElapsed = false;
      if (++written % BATCH == 0) {
        ctx.flush();
        if (!ctx.channel().isWritable()) {
          return;
        }
      }
    }
  }

  /** Called by the registry when held streams are released. */
  void resume() {
    ctx.executor().execute(this::pump);
  }

  private void afterDelay() {
    waitingForTimer = false;
    delayElapsed = true;
    pump();
  }

  private void writeDelta() {
    String piece = plan.text().substring(cuts[nextDelta], cuts[nextDelta + 1]);
    byte[] payload = isFault(Fault.Kind.NOT_JSON) && nextDelta == Math.min(plan.fault().afterDeltas(), plan.deltas() - 1)
        ? plan.fault().body().getBytes(StandardCharsets.UTF_8)
        : ConverseReplies.delta(piece);
    ctx.write(frame(EventStreamFrames.event(ctx.alloc(), "contentBlockDelta", payload)), ctx.voidPromise());
    nextDelta++;
  }

  private boolean faultDue() {
    Fault f = plan.fault();
    if (f == null || f.kind() == Fault.Kind.NOT_JSON || f.kind() == Fault.Kind.HTTP_ERROR) {
      return false;
    }
    return nextDelta >= Math.min(f.afterDeltas(), plan.deltas());
  }

  private boolean isFault(Fault.Kind kind) {
    return plan.fault() != null && plan.fault().kind() == kind;
  }

  private void injectFault() {
    Fault f = plan.fault();
    if (f.kind() != Fault.Kind.STALL) {
      ended();
    }
    finished = true;
    if (f.kind() == Fault.Kind.STREAM_EXCEPTION) {
      ctx.write(frame(EventStreamFrames.exception(ctx.alloc(), f.errorType(), ConverseReplies.message(f.message()))),
          ctx.voidPromise());
      endResponse();
    } else if (f.kind() == Fault.Kind.RESET) {
      Responses.reset(ctx);
    } else if (f.kind() == Fault.Kind.TRUNCATED_FRAME) {
      ByteBuf whole = EventStreamFrames.event(ctx.alloc(), "contentBlockDelta", ConverseReplies.delta("truncated"));
      ByteBuf half = whole.readRetainedSlice(whole.readableBytes() / 2);
      whole.release();
      ctx.writeAndFlush(frame(half)).addListener(done -> Responses.reset(ctx));
    } else if (f.kind() == Fault.Kind.BAD_CRC) {
      ByteBuf bad = EventStreamFrames.event(ctx.alloc(), "contentBlockDelta", ConverseReplies.delta("corrupt"));
      int last = bad.writerIndex() - 1;
      bad.setByte(last, bad.getByte(last) ^ 0x5a);
      ctx.write(frame(bad), ctx.voidPromise());
      endResponse();
    }
    // STALL: nothing more is written; the connection stays open until the client gives up.
  }

  private void ended() {
    finished = true;
    ctx.channel().attr(KEY).compareAndSet(this, null);
    if (counted) {
      counted = false;
      streams.closed();
      streams.forget(this);
      // Keep-alive connections carry many streams: don't pile up listeners on them.
      ctx.channel().closeFuture().removeListener(onClose);
    }
  }

  private void finish() {
    ended();
    long latency = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    ctx.write(frame(EventStreamFrames.event(ctx.alloc(), "contentBlockStop", ConverseReplies.contentBlockStop())),
        ctx.voidPromise());
    ctx.write(frame(EventStreamFrames.event(ctx.alloc(), "messageStop",
        ConverseReplies.messageStop(plan.stopReason()))), ctx.voidPromise());
    ctx.write(frame(EventStreamFrames.event(ctx.alloc(), "metadata", ConverseReplies.metadata(plan, latency))),
        ctx.voidPromise());
    endResponse();
  }

  /** Ends the HTTP response; an HTTP/1.1 client that asked for {@code Connection: close} gets it. */
  private void endResponse() {
    if (keepAlive || ctx.channel() instanceof Http2StreamChannel) {
      ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT, ctx.voidPromise());
    } else {
      ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT).addListener(ChannelFutureListener.CLOSE);
    }
  }

  private static DefaultHttpContent frame(ByteBuf buf) {
    return new DefaultHttpContent(buf);
  }

  /** Splits the text into {@code n} pieces of near-equal length, never inside a surrogate pair. */
  static int[] cuts(String text, int n) {
    int points = text.codePointCount(0, text.length());
    int[] cuts = new int[n + 1];
    for (int i = 0; i <= n; i++) {
      int cp = (int) ((long) points * i / n);
      cuts[i] = text.offsetByCodePoints(0, cp);
    }
    return cuts;
  }
}
