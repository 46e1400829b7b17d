package io.tickwire.web.dashboard;

import io.vertx.core.http.ServerWebSocket;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The web verticle's dashboard clients and the fan-out to them: each message is serialised once, only if some
 * client wants it, and handed to the clients whose subscription matches. Handing over never blocks: each client
 * queues, coalesces or drops on its own. Confined to the web event loop (the counts are also read by metrics).
 */
final class DashboardHub {
  private final RequestParser parser;
  private final int queueCapacity;
  private final Set<DashboardClient> clients = new LinkedHashSet<>();
  private final DropCounts drops = new DropCounts();
  /** Read by the metrics scrape from another thread. */
  private final AtomicInteger clientCount = new AtomicInteger();

  DashboardHub(RequestParser parser, int queueCapacity) {
    this.parser = parser;
    this.queueCapacity = queueCapacity;
  }

  void accept(ServerWebSocket socket) {
    DashboardClient client = new DashboardClient(socket, parser, queueCapacity, drops);
    clients.add(client);
    clientCount.set(clients.size());
    client.start(() -> {
      clients.remove(client);
      clientCount.set(clients.size());
    });
  }

  /**
   * Sends a message about {@code symbol} (and {@code intervalMillis}, 0 for none) to every client that wants it;
   * {@code dataJson} is only called when one does.
   */
  void publish(DashboardStream stream, String venue, String symbol, long intervalMillis, Supplier<String> dataJson) {
    List<DashboardClient> to = interested(stream, symbol, intervalMillis);
    if (to.isEmpty()) {
      return;
    }
    Push push = Push.of(stream, venue, symbol, intervalMillis, Frames.data(stream, dataJson.get()));
    for (DashboardClient client : to) {
      client.offer(push);
    }
  }

  /**
   * Sends a latest-value message about no symbol ({@code key} names what a newer one replaces) to every client
   * subscribed to {@code stream}; {@code dataJson} is only called when one is.
   */
  void publishLatest(DashboardStream stream, String key, Supplier<String> dataJson) {
    List<DashboardClient> to = interested(stream, null, 0);
    if (to.isEmpty()) {
      return;
    }
    Push push = Push.latest(stream, key, Frames.data(stream, dataJson.get()));
    for (DashboardClient client : to) {
      client.offer(push);
    }
  }

  /** The health message to every client subscribed to health; each carries that client's own drops. */
  void publishHealth(String healthJson, long eventsPerSec) {
    for (DashboardClient client : interested(DashboardStream.HEALTH, null, 0)) {
      client.offerHealth(healthJson, eventsPerSec);
    }
  }

  private List<DashboardClient> interested(DashboardStream stream, String symbol, long intervalMillis) {
    List<DashboardClient> to = new ArrayList<>(0);
    for (DashboardClient client : clients) {
      if (client.wants(stream, symbol, intervalMillis)) {
        to.add(client);
      }
    }
    return to;
  }

  int clients() {
    return clientCount.get();
  }

  /** Messages dropped across every client since start, by stream. */
  DropCounts drops() {
    return drops;
  }

  /** Messages waiting in every client's queue. */
  long queued() {
    long queued = 0;
    for (DashboardClient client : clients) {
      queued += client.queued();
    }
    return queued;
  }
}
