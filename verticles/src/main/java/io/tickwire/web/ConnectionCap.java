package io.tickwire.web;

import io.tickwire.metrics.Metrics;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpConnection;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Closes HTTP connections beyond {@code web.max_connections} as soon as they are set up, counted, so a client that
 * opens connections and never finishes with them cannot use up the node's sockets and memory. (Vert.x has no such
 * option itself.) Counted atomically: a server may run on several event loops.
 */
final class ConnectionCap implements Handler<HttpConnection> {
  static final String COMPONENT = "http";
  static final String REASON = "connections_full";

  private final int max;
  private final AtomicInteger open = new AtomicInteger();
  private final LongAdder refused;

  ConnectionCap(int max, Metrics metrics) {
    this.max = max;
    this.refused = metrics.errorCount(COMPONENT, REASON);
  }

  @Override
  public void handle(HttpConnection connection) {
    if (open.incrementAndGet() > max) {
      open.decrementAndGet();
      refused.increment();
      connection.close();
      return;
    }
    connection.closeHandler(v -> open.decrementAndGet());
  }
}
