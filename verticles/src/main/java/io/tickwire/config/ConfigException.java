package io.tickwire.config;

/** A configuration value that cannot be used; the message names the key, the value and what is allowed. */
public final class ConfigException extends RuntimeException {
  private final String key;

  public ConfigException(String key, String message) {
    super(message);
    this.key = key;
  }

  /** The dotted key at fault, e.g. {@code batcher.allowed_lateness_ms}. */
  public String key() {
    return key;
  }
}
