package io.tickwire.web.dashboard;

import io.vertx.core.json.JsonObject;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Messages never sent, by stream. One per client (written on the web event loop, shown in its health messages)
 * and one for the node (read by the metrics scrape from another thread, hence atomic).
 */
final class DropCounts {
  private final AtomicLongArray byStream = new AtomicLongArray(DashboardStream.values().length);

  void add(DashboardStream stream) {
    byStream.incrementAndGet(stream.ordinal());
  }

  long get(DashboardStream stream) {
    return byStream.get(stream.ordinal());
  }

  long total() {
    long total = 0;
    for (int i = 0; i < byStream.length(); i++) {
      total += byStream.get(i);
    }
    return total;
  }

  /** {@code {"bars":0,...,"control":0,"total":0}}: every stream, so a reader need not guess absent keys. */
  JsonObject toJson() {
    JsonObject json = new JsonObject();
    for (DashboardStream stream : DashboardStream.values()) {
      json.put(stream.wire(), get(stream));
    }
    return json.put("total", total());
  }
}
