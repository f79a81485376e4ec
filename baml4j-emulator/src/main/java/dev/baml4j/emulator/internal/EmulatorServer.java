package dev.baml4j.emulator.internal;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/** The Netty server: one acceptor thread, a few event-loop workers, no thread per request. */
public final class EmulatorServer implements AutoCloseable {
  private final EventLoopGroup boss;
  private final EventLoopGroup workers;
  private final ChannelGroup channels = new DefaultChannelGroup("baml4j-emulator", GlobalEventExecutor.INSTANCE);
  private final Channel server;

  /** Binds {@code host:port} (0 picks a free port) and starts serving. */
  public EmulatorServer(String host, int port, int workerThreads, Dispatcher dispatcher) throws InterruptedException {
    boss = new NioEventLoopGroup(1, new DefaultThreadFactory("baml4j-emulator-accept", true));
    workers = new NioEventLoopGroup(workerThreads, new DefaultThreadFactory("baml4j-emulator", true));
    try {
      ServerBootstrap b = new ServerBootstrap()
          .group(boss, workers)
          .channel(NioServerSocketChannel.class)
          .option(ChannelOption.SO_BACKLOG, 4096)
          .option(ChannelOption.SO_REUSEADDR, true)
          .childOption(ChannelOption.TCP_NODELAY, true)
          .childOption(ChannelOption.SO_KEEPALIVE, true)
          .childHandler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
              channels.add(ch);
              ch.pipeline().addLast(new ProtocolSniffer(dispatcher)).addLast(QuietCloser.NAME, QuietCloser.INSTANCE);
            }
          });
      server = b.bind(host, port).sync().channel();
      channels.add(server);
    } catch (InterruptedException | RuntimeException e) {
      shutdownGroups();
      throw e;
    }
  }

  public int port() {
    return ((InetSocketAddress) server.localAddress()).getPort();
  }

  /** Open client connections right now (for leak checks). */
  public int openConnections() {
    return channels.size() - (server.isOpen() ? 1 : 0);
  }

  @Override
  public void close() {
    channels.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
    shutdownGroups();
  }

  private void shutdownGroups() {
    boss.shutdownGracefully(0, 2, TimeUnit.SECONDS);
    workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
  }
}
