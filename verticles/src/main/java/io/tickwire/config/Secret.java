package io.tickwire.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A credential (API token, read token, producer token). Its text is only reachable through {@link #matches}, so
 * printing a settings record, an error or a log line can never show it.
 */
public final class Secret {
  /** Shorter tokens can be guessed or brute-forced over the network; generated ones are 43 characters. */
  public static final int MIN_LENGTH = 32;

  /** Only the digest is kept: comparing digests is constant-time even when the lengths differ. */
  private final byte[] digest;

  private Secret(String value) {
    this.digest = sha256(value);
  }

  /**
   * The secret configured under {@code key} (a config key or an environment variable); one shorter than
   * {@link #MIN_LENGTH} fails naming the key and the length, never the value.
   */
  public static Secret of(String key, String value) {
    String stripped = value.strip();
    if (stripped.length() < MIN_LENGTH) {
      throw new ConfigException(key, "'" + key + "' holds a token of " + stripped.length()
          + " characters: expected at least " + MIN_LENGTH + " (e.g. openssl rand -base64 32)");
    }
    return new Secret(stripped);
  }

  public boolean matches(String presented) {
    return presented != null && MessageDigest.isEqual(digest, sha256(presented.strip()));
  }

  @Override
  public String toString() {
    return "<secret>";
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
