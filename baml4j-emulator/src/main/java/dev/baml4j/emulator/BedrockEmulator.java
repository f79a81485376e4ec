package dev.baml4j.emulator;

import dev.baml4j.emulator.internal.Behaviour;
import dev.baml4j.emulator.internal.CredentialStore;
import dev.baml4j.emulator.internal.Dispatcher;
import dev.baml4j.emulator.internal.EmulatorHooks;
import dev.baml4j.emulator.internal.EmulatorServer;
import dev.baml4j.emulator.internal.EmulatorState;
import dev.baml4j.emulator.internal.RulesJson;
import dev.baml4j.emulator.internal.SigV4Verifier;
import dev.baml4j.emulator.internal.StreamRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * A local Amazon Bedrock Runtime (Converse and ConverseStream on the real wire formats) with
 * SigV4 verification, scripted replies, fault injection, a request journal, and the AWS credential
 * endpoints (STS, the SSO portal, container credentials, IMDSv2). It speaks HTTP/1.1 and h2c on
 * 127.0.0.1.
 *
 * <pre>{@code
 * try (BedrockEmulator emulator = BedrockEmulator.builder().port(0).build().start()) {
 *   BedrockRuntimeClient client = BedrockRuntimeClient.builder()
 *       .endpointOverride(emulator.uri())
 *       .region(Region.US_EAST_1)
 *       .credentialsProvider(StaticCredentialsProvider.create(
 *           AwsBasicCredentials.create("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")))
 *       .build();
 *   // ... client.converse(...) echoes the last user text
 *   assertThat(emulator.journal().last().signatureValid()).isTrue();
 * }
 * }</pre>
 */
public final class BedrockEmulator implements AutoCloseable {
  private final Builder config;
  private final Journal journal;
  private final Behaviour behaviour;
  private final CredentialStore store;
  private volatile EmulatorServer server;
  private final StreamRegistry streams = new StreamRegistry();

  private BedrockEmulator(Builder config) {
    this.config = config;
    this.journal = new Journal(config.journalCapacity);
    this.behaviour = new Behaviour(config.rules);
    this.store = new CredentialStore(config.credentials, config.temporaryCredentialsLifetime);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Binds the port and starts serving; returns {@code this}. */
  public synchronized BedrockEmulator start() {
    if (server != null) {
      return this;
    }
    EmulatorHooks hooks = new EmulatorHooks() {
      @Override
      public void record(RecordedRequest request) {
        journal.record(request);
      }

      @Override
      public List<RecordedRequest> journal() {
        return journal.requests();
      }

      @Override
      public void reset() {
        BedrockEmulator.this.reset();
      }

      @Override
      public void control(RulesJson.Control control) {
        apply(control);
      }
    };
    EmulatorState state = new EmulatorState(behaviour, store, new SigV4Verifier(store), hooks, streams);
    try {
      server = new EmulatorServer(config.host, config.port, config.workerThreads, new Dispatcher(state));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while binding " + config.host + ":" + config.port, e);
    }
    return this;
  }

  /** The base URL, e.g. {@code http://127.0.0.1:54321} (no trailing slash). */
  public URI uri() {
    return URI.create("http://" + config.host + ":" + port());
  }

  public int port() {
    EmulatorServer s = server;
    if (s == null) {
      throw new IllegalStateException("the emulator is not started: call start() first");
    }
    return s.port();
  }

  /** The URL to give {@code AWS_CONTAINER_CREDENTIALS_FULL_URI}. */
  public URI containerCredentialsUri() {
    return URI.create(uri() + "/container/credentials");
  }

  public Journal journal() {
    return journal;
  }

  public Credentials credentials() {
    return config.credentials;
  }

  /** Replaces the rules (the run-time control stays). */
  public void rules(Rules rules) {
    behaviour.setRules(rules);
  }

  /**
   * Changes behaviour at run time, like {@code POST /__control}: for example
   * {@code {"stopReason": "max_tokens"}}, {@code {"status": 500, "errorType": "InternalServerException"}},
   * {@code {"delayMs": 1500}} or {@code {"fault": {"type": "reset"}, "times": 1}}. Each call replaces
   * the previous control; {@code {}} clears it. {@code {"holdStreams": true|false}} holds or releases
   * streams (see {@link #holdStreams()}).
   */
  public void control(String json) {
    apply(RulesJson.parseControl(json, "control"));
  }

  private void apply(RulesJson.Control c) {
    behaviour.control(c);
    if (Boolean.TRUE.equals(c.holdStreams())) {
      streams.hold();
    } else if (Boolean.FALSE.equals(c.holdStreams())) {
      streams.release();
    }
  }

  /** Lays {@code reply} (may be null) over every reply and injects {@code fault} (may be null). */
  public void control(Reply reply, Fault fault) {
    behaviour.control(new RulesJson.Control(reply, fault, null, null, null));
  }

  /** Injects this fault into every request until {@link #reset()}. */
  public void fault(Fault fault) {
    control(null, fault);
  }

  /** Clears the journal and the run-time control, releases held streams, restores the starting rules. */
  public void reset() {
    journal.clear();
    behaviour.reset();
    streams.release();
  }

  /** ConverseStream replies in progress right now (a stalled stream counts until its connection closes). */
  public int openStreams() {
    return streams.open();
  }

  /**
   * Holds every ConverseStream reply after its {@code messageStart} until {@link #releaseStreams()}:
   * a test can then have many streams open at once, or cancel one mid-way.
   */
  public void holdStreams() {
    streams.hold();
  }

  /** Lets held streams go on. */
  public void releaseStreams() {
    streams.release();
  }

  /** Client connections accepted since the emulator started: how many a client opened for its calls. */
  public int acceptedConnections() {
    EmulatorServer s = server;
    return s == null ? 0 : s.acceptedConnections();
  }

  /** Client connections open right now. */
  public int openConnections() {
    EmulatorServer s = server;
    return s == null ? 0 : s.openConnections();
  }

  @Override
  public synchronized void close() {
    if (server != null) {
      server.close();
      server = null;
    }
  }

  @Override
  public String toString() {
    return "BedrockEmulator[" + (server == null ? "stopped" : uri().toString()) + "]";
  }

  /** Configures an emulator. Defaults: 127.0.0.1, a free port, echo, the AWS example keys. */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port;
    private Rules rules = Rules.echo();
    private Credentials credentials = Credentials.defaults();
    private int journalCapacity = 10_000;
    private int workerThreads = Math.max(2, Runtime.getRuntime().availableProcessors());
    private Duration temporaryCredentialsLifetime = CredentialStore.DEFAULT_LIFETIME;

    private Builder() {}

    /** The port; 0 (the default) picks a free one. */
    public Builder port(int value) {
      if (value < 0 || value > 65535) {
        throw new IllegalArgumentException("port must be 0..65535, got " + value);
      }
      this.port = value;
      return this;
    }

    /** The interface to bind: a loopback address ({@code 127.0.0.1} by default). */
    public Builder host(String value) {
      this.host = value;
      return this;
    }

    public Builder rules(Rules value) {
      this.rules = value;
      return this;
    }

    public Builder credentials(Credentials value) {
      this.credentials = value;
      return this;
    }

    /** How many requests the journal keeps (the oldest go first). */
    public Builder journalCapacity(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("journalCapacity must be at least 1, got " + value);
      }
      this.journalCapacity = value;
      return this;
    }

    /** Netty event-loop threads (default: the number of cores, at least 2). */
    public Builder workerThreads(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("workerThreads must be at least 1, got " + value);
      }
      this.workerThreads = value;
      return this;
    }

    /**
     * How long credentials from STS, the container endpoint and IMDS stay valid (default 1 hour;
     * STS's {@code DurationSeconds} can only shorten it). Short lifetimes test expiry and refresh.
     */
    public Builder temporaryCredentialsLifetime(Duration value) {
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException("temporaryCredentialsLifetime must be positive, got " + value);
      }
      this.temporaryCredentialsLifetime = value;
      return this;
    }

    public BedrockEmulator build() {
      return new BedrockEmulator(this);
    }
  }
}
