package io.tickwire.web.dashboard;

import io.tickwire.health.ComponentHealth;
import io.tickwire.health.HealthJson;
import io.tickwire.health.HealthRegistry;
import io.tickwire.health.HealthReports;
import io.tickwire.metrics.Metrics;
import io.vertx.core.Vertx;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every second: reports the dashboard as the {@code web.dashboard} component of {@code /health}, then pushes the
 * node's health (the /health document, events/s routed, each client's drops) to the clients subscribed to it. Also
 * registers the dashboard's meters. Runs on the web event loop, which owns the hub.
 */
final class DashboardHealth {
  static final String COMPONENT = "web.dashboard";

  private final Vertx vertx;
  private final HealthRegistry registry;
  private final Metrics metrics;
  private final DashboardHub hub;
  private final DashboardFeeds feeds;
  private final EventRate routed;
  private long timer = -1;

  private DashboardHealth(Vertx vertx, HealthRegistry registry, Metrics metrics, DashboardHub hub,
      DashboardFeeds feeds) {
    this.vertx = vertx;
    this.registry = registry;
    this.metrics = metrics;
    this.hub = hub;
    this.feeds = feeds;
    this.routed = new EventRate(metrics::routedEvents, System.nanoTime());
  }

  static DashboardHealth start(Vertx vertx, HealthRegistry registry, Metrics metrics, DashboardHub hub,
      DashboardFeeds feeds) {
    DashboardHealth health = new DashboardHealth(vertx, registry, metrics, hub, feeds);
    health.registerMeters();
    health.timer = vertx.setPeriodic(HealthReports.PERIOD_MS, id -> health.tick());
    registry.report(health.component());
    return health;
  }

  void stop() {
    vertx.cancelTimer(timer);
    registry.remove(COMPONENT);
  }

  private void registerMeters() {
    metrics.gauge(Metrics.DASHBOARD_CLIENTS, "Dashboard WebSocket clients connected", hub::clients);
    for (DashboardStream stream : DashboardStream.values()) {
      metrics.counter(Metrics.DASHBOARD_DROPPED, "Dashboard messages a client never got (its queue was full or a"
          + " newer value replaced it), by stream", () -> hub.drops().get(stream), "stream", stream.wire());
    }
    metrics.dropped(COMPONENT, () -> hub.drops().total());
    metrics.dropped(COMPONENT + ".feeds", feeds::dropped);
  }

  private void tick() {
    registry.report(component());
    long eventsPerSec = routed.perSecond(System.nanoTime());
    if (hub.clients() > 0) {
      hub.publishHealth(HealthJson.of(registry.snapshot()).encode(), eventsPerSec);
    }
  }

  private ComponentHealth component() {
    Map<String, Number> gauges = new LinkedHashMap<>();
    gauges.put("clients", hub.clients());
    gauges.put("queued", hub.queued());
    gauges.put("dropped", hub.drops().total());
    for (DashboardStream stream : DashboardStream.values()) {
      gauges.put("dropped_" + stream.wire(), hub.drops().get(stream));
    }
    gauges.put("feed_batches_dropped", feeds.dropped());
    return ComponentHealth.ok(COMPONENT, hub.clients() + " clients", gauges);
  }
}
