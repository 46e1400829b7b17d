package io.tickwire.connector.deribit;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON-RPC 2.0 requests one Deribit connection sends, each with its own id, and which method an id asked for,
 * so an error reply can be reported by what failed. Ids outstanding are bounded: a venue that never answers cannot
 * grow the table.
 */
final class DeribitRequests {
  /** Channels per {@code public/subscribe}: Deribit documents no limit, this keeps a request frame modest. */
  static final int CHANNELS_PER_REQUEST = 100;
  private static final int MAX_OUTSTANDING = 1_024;

  private final Map<Long, String> outstanding = new LinkedHashMap<>();
  private long nextId = 1;

  /** {@code public/set_heartbeat}: Deribit then sends {@code test_request}s that must be answered. */
  String setHeartbeat(int seconds) {
    return request("public/set_heartbeat", new JsonObject().put("interval", seconds));
  }

  /** The answer to a {@code test_request}. */
  String test() {
    return request("public/test", new JsonObject());
  }

  /** {@code public/subscribe} requests for {@code channels}, {@link #CHANNELS_PER_REQUEST} at most in each. */
  List<String> subscribe(List<String> channels) {
    return chunked("public/subscribe", channels);
  }

  List<String> unsubscribe(List<String> channels) {
    return chunked("public/unsubscribe", channels);
  }

  private List<String> chunked(String method, List<String> channels) {
    List<String> frames = new ArrayList<>();
    for (int from = 0; from < channels.size(); from += CHANNELS_PER_REQUEST) {
      List<String> chunk = channels.subList(from, Math.min(channels.size(), from + CHANNELS_PER_REQUEST));
      frames.add(request(method, new JsonObject().put("channels", new JsonArray(List.copyOf(chunk)))));
    }
    return frames;
  }

  /** The method request {@code id} asked for (forgetting it), or a placeholder for an id not sent here. */
  String answered(long id) {
    String method = outstanding.remove(id);
    return method == null ? "request " + id : method + " (request " + id + ")";
  }

  /** A new connection: answers to the old one's requests will never come. */
  void reset() {
    outstanding.clear();
  }

  private String request(String method, JsonObject params) {
    long id = nextId++;
    outstanding.put(id, method);
    if (outstanding.size() > MAX_OUTSTANDING) {
      Iterator<Long> oldest = outstanding.keySet().iterator();
      oldest.next();
      oldest.remove();
    }
    return new JsonObject().put("jsonrpc", "2.0").put("id", id).put("method", method).put("params", params)
        .encode();
  }
}
