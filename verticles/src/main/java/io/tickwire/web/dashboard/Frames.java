package io.tickwire.web.dashboard;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The text of every server-to-client message. Data is embedded as already-serialised JSON, written once. */
final class Frames {
  private static final String PONG = new JsonObject().put("type", "pong").encode();

  private Frames() {
  }

  /** {@code {"type":...,"data":...}} with {@code dataJson} a JSON object's text (v1 JSON for market data). */
  static String data(DashboardStream stream, String dataJson) {
    return "{\"type\":\"" + stream.messageType() + "\",\"data\":" + dataJson + '}';
  }

  /** The health message: the node's /health document, this node's events/s and this client's drops. */
  static String health(String healthJson, long eventsPerSec, DropCounts drops) {
    return "{\"type\":\"health\",\"data\":" + healthJson + ",\"events_per_sec\":" + eventsPerSec + ",\"drops\":"
        + drops.toJson().encode() + '}';
  }

  static String subscribed(Subscription subscription) {
    return new JsonObject().put("type", "subscribed")
        .put("symbols", new JsonArray(subscription.symbolsForAck()))
        .put("streams", new JsonArray(subscription.streamsForAck()))
        .put("intervals", new JsonArray(subscription.intervalsForAck()))
        .encode();
  }

  static String pong() {
    return PONG;
  }

  static String badRequest(String detail) {
    return new JsonObject().put("type", "error").put("error", "bad_request").put("detail", detail).encode();
  }
}
