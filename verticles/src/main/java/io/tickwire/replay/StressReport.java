package io.tickwire.replay;

import io.vertx.core.json.JsonObject;
import java.util.Locale;

/**
 * The outcome of {@code tickwire stress}: what was asked, what the producers achieved, and the server's figures,
 * or why there are none ({@code serverNote}).
 */
public record StressReport(Rate asked, int connections, StressLoad.Result load, ServerFigures server,
    String serverNote) {
  public JsonObject toJson() {
    SendResult sent = load.sent();
    JsonObject json = new JsonObject()
        .put("connections", connections)
        .put("asked_rate", asked.isMax() ? "max" : asked.perSecond())
        .put("elapsed_s", Math.round(sent.elapsedNanos() / 1e6) / 1e3)
        .put("sent", sent.frames())
        .put("bytes", sent.bytes())
        .put("rate", Math.round(sent.eventsPerSecond()))
        .put("errors", load.errors())
        .put("first_error", load.firstError());
    return server != null ? json.put("server", server.toJson(sent.frames())) : json.put("server_note", serverNote);
  }

  public String toText() {
    SendResult sent = load.sent();
    String line = String.format(Locale.ROOT, "stress: %d connections, %.1f s at %s asked: sent %d events (%.1f MB),"
        + " %.0f events/s achieved, %d errors%s", connections, sent.elapsedNanos() / 1e9, asked, sent.frames(),
        sent.bytes() / 1e6, sent.eventsPerSecond(), load.errors(),
        load.firstError() == null ? "" : " (first: " + load.firstError() + ")");
    return line + " | server: " + (server != null ? server.toText(sent.frames()) : serverNote);
  }
}
