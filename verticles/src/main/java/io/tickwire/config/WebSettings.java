package io.tickwire.config;

import static io.tickwire.config.ConfigReader.HOUR_MS;

/**
 * The HTTP server ({@code web.*}); {@code ws}: the dashboard WebSocket; {@code idleTimeoutMs}: a connection with no
 * traffic either way for this long is closed, and connections past {@code maxConnections} at once are closed on
 * arrival; {@code readToken}: null, or what {@code /api/*} reads and {@code /ws} require; {@code opsPortSearch}: how
 * many ports after {@code port} a node without the web role tries when {@code port} is taken (0: none).
 */
public record WebSettings(boolean enabled, String host, int port, WsSettings ws, long idleTimeoutMs,
    int maxConnections, Secret readToken, int opsPortSearch) {

  static WebSettings from(ConfigReader r) {
    WsSettings ws = WsSettings.from(r);
    return new WebSettings(r.bool("web.enabled"), r.string("web.host"), (int) r.integer("web.port", 0, 65_535), ws,
        r.integer("web.idle_timeout_ms", 0, 24 * HOUR_MS), (int) r.integer("web.max_connections", 1, 1_000_000),
        Credentials.optionalToken(r, "web.read_token"), (int) r.integer("web.ops_port_search", 0, 1000));
  }
}
