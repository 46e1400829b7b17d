package io.tickwire.config;

import static io.tickwire.config.ConfigReader.HOUR_MS;

/**
 * The TCP event-bus bridge ({@code bridge.*}) for programs in other languages, served by the node with the web role.
 * Off unless {@code enabled}; loopback unless {@code host} says otherwise; every frame but a ping must carry the
 * token, {@code token} or else the one generated into {@code <data_dir>/bridge-token}. {@code maxConnections}:
 * connections at once, more are closed on arrival; {@code idleTimeoutMs}: a connection silent this long is closed
 * (clients ping to stay open); {@code deadLettersPerSecond}: samples of rejected inbound messages on
 * {@code md.dlq}; {@code maxFrameBytes}: a client frame declaring more closes its connection.
 */
public record BridgeSettings(boolean enabled, String host, int port, Secret token, int maxConnections,
    long idleTimeoutMs, int deadLettersPerSecond, int maxFrameBytes) {

  static BridgeSettings from(ConfigReader r) {
    return new BridgeSettings(r.bool("bridge.enabled"), r.string("bridge.host"),
        (int) r.integer("bridge.port", 1, 65_535), Credentials.optionalToken(r, "bridge.token"),
        (int) r.integer("bridge.max_connections", 1, 100_000), r.integer("bridge.idle_timeout_ms", 0, 24 * HOUR_MS),
        (int) r.integer("bridge.dead_letters_per_second", 0, 100_000),
        (int) r.integer("bridge.max_frame_bytes", 64, 64 << 20));
  }
}
