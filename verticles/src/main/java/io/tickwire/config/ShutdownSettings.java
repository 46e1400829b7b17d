package io.tickwire.config;

import static io.tickwire.config.ConfigReader.HOUR_MS;

/**
 * How long a stop may spend draining the stages ({@code shutdown.timeout_ms}); the steps after the drain have a
 * fixed allowance on top of it (see {@code cli/BoundedShutdown}).
 */
public record ShutdownSettings(long timeoutMs) {

  static ShutdownSettings from(ConfigReader r) {
    return new ShutdownSettings(r.integer("shutdown.timeout_ms", 100, HOUR_MS));
  }
}
