package io.tickwire.config;

import java.util.List;

/**
 * The dashboard WebSocket ({@code web.ws.*}): each client's outbound queue holds at most {@code queue} messages (past
 * that it coalesces or drops, counted), and an inbound frame or message over {@code maxFrameBytes} closes the socket.
 * A browser's upgrade is accepted from the server's own origin or one of {@code allowedOrigins}; at most
 * {@code maxClients} at once.
 */
public record WsSettings(int queue, int maxFrameBytes, List<String> allowedOrigins, int maxClients) {

  static WsSettings from(ConfigReader r) {
    return new WsSettings((int) r.integer("web.ws.queue", 1, 1_000_000),
        (int) r.integer("web.ws.max_frame_bytes", 1024, 16 << 20), r.stringListOrEmpty("web.ws.allowed_origins"),
        (int) r.integer("web.ws.max_clients", 1, 100_000));
  }
}
