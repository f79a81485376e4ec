package dev.baml4j.emulator;

import io.netty.util.internal.logging.InternalLoggerFactory;
import io.netty.util.internal.logging.JdkLoggerFactory;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs an emulator until the process is stopped:
 * {@code EmulatorMain [--port N] [--rules FILE] [--credentials FILE]}. The first line on stdout is
 * {@code listening http://127.0.0.1:PORT}.
 */
public final class EmulatorMain {
  private EmulatorMain() {}

  public static void main(String[] args) throws InterruptedException {
    // Netty would otherwise probe SLF4J and print "no providers" warnings: keep the console clean.
    InternalLoggerFactory.setDefaultFactory(JdkLoggerFactory.INSTANCE);
    int code = run(args, System.out, System.err);
    if (code != 0) {
      System.exit(code);
    }
  }

  /** Starts an emulator from command-line arguments and blocks; returns an exit code on bad input. */
  static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
    BedrockEmulator emulator;
    try {
      emulator = fromArgs(args).build();
    } catch (IllegalArgumentException | IOException e) {
      err.println("error: " + e.getMessage());
      err.println("usage: baml4j emulator [--port N] [--rules FILE] [--credentials FILE]");
      return 2;
    }
    emulator.start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      emulator.close();
      stopped.countDown();
    }, "baml4j-emulator-shutdown"));
    out.println("listening " + emulator.uri());
    out.flush();
    stopped.await();
    return 0;
  }

  static BedrockEmulator.Builder fromArgs(String[] args) throws IOException {
    BedrockEmulator.Builder b = BedrockEmulator.builder();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("-h") || a.equals("--help")) {
        throw new IllegalArgumentException("help requested");
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("missing value after " + a);
      }
      String v = args[++i];
      if (a.equals("--port")) {
        try {
          b.port(Integer.parseInt(v));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("--port needs a number, got \"" + v + "\"", e);
        }
      } else if (a.equals("--rules")) {
        b.rules(Rules.load(Path.of(v)));
      } else if (a.equals("--credentials")) {
        b.credentials(Credentials.load(Path.of(v)));
      } else {
        throw new IllegalArgumentException("unknown option " + a);
      }
    }
    return b;
  }
}
