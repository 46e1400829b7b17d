package io.tickwire.web.dashboard;

import io.tickwire.codecs.Anomaly;
import io.tickwire.codecs.Bar;
import io.tickwire.codecs.Batch;
import io.tickwire.codecs.FeatureSnapshot;
import io.tickwire.codecs.IvSurface;
import io.tickwire.codecs.SpotMid;
import io.tickwire.codecs.Signal;
import io.tickwire.codecs.V1Json;
import io.tickwire.flow.Addresses;
import io.tickwire.flow.BestEffortConsumer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Reads what the pipeline publishes for observers (bars, forming bars, features, signals, anomalies, incident
 * notices, spot mids, volatility smiles) and hands each item to the {@link DashboardHub}. Every topic is read best-effort: the pipeline never
 * waits for the dashboard, and the hub hands items over without waiting either, so these queues stay near empty.
 */
final class DashboardFeeds {
  /** Batches waiting per topic; only a stalled web event loop would ever fill it. */
  private static final int QUEUE = 256;

  private final Vertx vertx;
  private final DashboardHub hub;
  private final List<BestEffortConsumer<?>> consumers = new CopyOnWriteArrayList<>();

  private DashboardFeeds(Vertx vertx, DashboardHub hub) {
    this.vertx = vertx;
    this.hub = hub;
  }

  /** Subscribes on the caller's context (the web verticle's); completes when every topic is subscribed. */
  static Future<DashboardFeeds> start(Vertx vertx, DashboardHub hub) {
    DashboardFeeds feeds = new DashboardFeeds(vertx, hub);
    return Future.all(List.of(
        feeds.<Bar>items(Addresses.BARS, bar -> feeds.bar(DashboardStream.BARS, bar)),
        feeds.<Bar>items(Addresses.BARS_FORMING, bar -> feeds.bar(DashboardStream.FORMING, bar)),
        feeds.<FeatureSnapshot>items(Addresses.FEATURES, f ->
            hub.publish(DashboardStream.FEATURES, f.venue(), f.symbol(), 0, () -> V1Json.toJson(f))),
        feeds.<Signal>items(Addresses.SIGNALS, s ->
            hub.publish(DashboardStream.SIGNALS, s.provider(), s.symbol(), 0, () -> V1Json.toJson(s))),
        feeds.<Anomaly>items(Addresses.ANOMALIES, a ->
            hub.publish(DashboardStream.ANOMALIES, a.venue(), a.symbol(), 0, () -> V1Json.toJson(a))),
        feeds.<SpotMid>items(Addresses.SPOT_MID, m ->
            hub.publishLatest(DashboardStream.MIDS, m.asset(), () -> V1Json.toJson(m))),
        feeds.<IvSurface>items(Addresses.IV_SURFACE, s -> hub.publishLatest(DashboardStream.SURFACES,
            s.venue() + '|' + s.underlying() + '|' + s.expiry(), () -> V1Json.toJson(s))),
        feeds.incidents())).map(v -> feeds);
  }

  private void bar(DashboardStream stream, Bar bar) {
    hub.publish(stream, bar.venue(), bar.symbol(), bar.intervalMillis(), () -> V1Json.toJson(bar));
  }

  private <E> Future<?> items(String topic, Consumer<E> each) {
    return BestEffortConsumer.<Batch<E>>subscribe(vertx, topic, QUEUE, batch -> {
      batch.items().forEach(each);
      return Future.succeededFuture();
    }).onSuccess(consumers::add);
  }

  /** Notices are single JSON objects (see {@link io.tickwire.recorder.IncidentNotice}), sent on as they are. */
  private Future<?> incidents() {
    return BestEffortConsumer.<JsonObject>subscribe(vertx, Addresses.INCIDENTS, QUEUE, notice -> {
      hub.publish(DashboardStream.INCIDENTS, notice.getString("venue"), notice.getString("symbol"), 0,
          notice::encode);
      return Future.succeededFuture();
    }).onSuccess(consumers::add);
  }

  /** Batches the web event loop could not keep up with, across every topic. */
  long dropped() {
    long dropped = 0;
    for (BestEffortConsumer<?> consumer : consumers) {
      dropped += consumer.dropped();
    }
    return dropped;
  }
}
