package dev.baml4j.emulator.internal;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Last in every connection's pipeline: an error nobody handled (a client resetting its connection
 * is routine here) closes the connection instead of reaching Netty's tail, which would log it.
 */
@ChannelHandler.Sharable
final class QuietCloser extends ChannelInboundHandlerAdapter {
  static final QuietCloser INSTANCE = new QuietCloser();
  static final String NAME = "quiet-closer";

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close();
  }
}
