package dev.baml4j.emulator.internal;

import dev.baml4j.emulator.Credentials;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The keys the emulator accepts: the configured ones, plus the temporary credentials its STS, SSO
 * portal, container and IMDS endpoints issued (those always require their session token).
 */
public final class CredentialStore {
  /** Default lifetime of issued temporary credentials, as STS's default session. */
  public static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);
  private static final char[] ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
  private static final char[] SECRET_CHARS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();

  /** A key the emulator accepts. */
  public record Entry(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration,
      String roleArn) {
    @Override
    public String toString() {
      return "Entry[accessKeyId=" + accessKeyId + ", secretAccessKey=****, sessionToken="
          + (sessionToken == null ? "none" : "****") + ", expiration=" + expiration + ", roleArn=" + roleArn + "]";
    }
  }

  private final Credentials config;
  private final Duration lifetime;
  private final Map<String, Entry> keys = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();

  public CredentialStore(Credentials config) {
    this(config, DEFAULT_LIFETIME);
  }

  /** {@code lifetime}: how long issued temporary credentials stay valid (short ones test expiry). */
  public CredentialStore(Credentials config, Duration lifetime) {
    this.config = config;
    this.lifetime = lifetime;
    for (Credentials.Key k : config.keys()) {
      keys.put(k.accessKeyId(), new Entry(k.accessKeyId(), k.secretAccessKey(), k.sessionToken(), null, null));
    }
  }

  public Credentials config() {
    return config;
  }

  public Entry find(String accessKeyId) {
    Entry e = keys.get(accessKeyId);
    if (e == null && config.anyAccessKeySecret() != null) {
      return new Entry(accessKeyId, config.anyAccessKeySecret(), null, null, null);
    }
    return e;
  }

  /** Issues temporary credentials for a role; the Bedrock endpoint accepts them from now on. */
  public Entry issue(String roleArn) {
    return issue(roleArn, lifetime);
  }

  /** Issues credentials valid for {@code requested}, but never longer than the store's lifetime. */
  public Entry issue(String roleArn, Duration requested) {
    Duration valid = requested.compareTo(lifetime) < 0 ? requested : lifetime;
    String id = "ASIA" + randomChars(ALNUM, 16);
    Entry e = new Entry(id, randomChars(SECRET_CHARS, 40), "EMU" + randomChars(SECRET_CHARS, 120),
        Instant.now().plus(valid), roleArn);
    keys.put(id, e);
    return e;
  }

  /** A random opaque token (IMDS session tokens). */
  public String randomToken() {
    return randomChars(SECRET_CHARS, 56);
  }

  private String randomChars(char[] alphabet, int n) {
    char[] out = new char[n];
    for (int i = 0; i < n; i++) {
      out[i] = alphabet[random.nextInt(alphabet.length)];
    }
    return new String(out);
  }
}
