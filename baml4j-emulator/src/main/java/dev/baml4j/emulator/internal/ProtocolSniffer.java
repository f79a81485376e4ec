package dev.baml4j.emulator.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Looks at the first bytes of a connection: the HTTP/2 client preface means h2c with prior
 * knowledge (what the SDK's Netty client sends by default over http), anything else is HTTP/1.1.
 * Both end in the same {@link Dispatcher}; HTTP/2 streams are bridged to HTTP/1 objects.
 */
final class ProtocolSniffer extends ByteToMessageDecoder {
  private static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
  static final int MAX_BODY = 64 * 1024 * 1024;

  private final Dispatcher dispatcher;

  ProtocolSniffer(Dispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    int n = Math.min(in.readableBytes(), PREFACE.length);
    for (int i = 0; i < n; i++) {
      if (in.getByte(in.readerIndex() + i) != PREFACE[i]) {
        http1(ctx.pipeline());
        ctx.pipeline().remove(this);
        return;
      }
    }
    if (n == PREFACE.length) {
      http2(ctx.pipeline());
      ctx.pipeline().remove(this);
    }
  }

  private void http1(ChannelPipeline p) {
    p.addBefore(QuietCloser.NAME, "http1-codec", new HttpServerCodec(8192, 65536, 65536));
    p.addBefore(QuietCloser.NAME, "http1-aggregator", new HttpObjectAggregator(MAX_BODY));
    p.addBefore(QuietCloser.NAME, "dispatcher", dispatcher);
  }

  private void http2(ChannelPipeline p) {
    Http2Settings settings = Http2Settings.defaultSettings().maxConcurrentStreams(100_000)
        .initialWindowSize(1 << 20);
    ChannelInitializer<Channel> stream = new ChannelInitializer<>() {
      @Override
      protected void initChannel(Channel ch) {
        ch.pipeline().addLast(new Http2StreamFrameToHttpObjectCodec(true), new HttpObjectAggregator(MAX_BODY),
            dispatcher);
      }
    };
    p.addBefore(QuietCloser.NAME, "http2-codec", Http2FrameCodecBuilder.forServer().initialSettings(settings).build());
    p.addBefore(QuietCloser.NAME, "http2-multiplex", new Http2MultiplexHandler(stream));
  }
}
