package io.tickwire.web;

import io.tickwire.codecs.FeatureBatch;
import io.tickwire.codecs.FeatureSnapshot;
import io.tickwire.flow.Addresses;
import io.tickwire.flow.BestEffortConsumer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.Map;

/**
 * The newest feature snapshot of every (venue, symbol), observed best-effort on {@code md.features} so the web
 * node never slows the pipeline; a dropped batch only means a slightly older snapshot until the next one.
 * Confined to the subscribing verticle's event loop, which also serves the HTTP requests that read it.
 */
final class LatestFeatures {
  /** Feature batches come once per base interval; a few are plenty to ride out a slow moment. */
  private static final int QUEUE = 64;

  /** symbol -> venue -> newest snapshot. */
  private final Map<String, Map<String, FeatureSnapshot>> latest = new HashMap<>();

  private LatestFeatures() {
  }

  static Future<LatestFeatures> subscribe(Vertx vertx) {
    LatestFeatures features = new LatestFeatures();
    return BestEffortConsumer.<FeatureBatch>subscribe(vertx, Addresses.FEATURES, QUEUE, batch -> {
      batch.items().forEach(features::keep);
      return Future.succeededFuture();
    }).map(consumer -> features);
  }

  /** A revision of an older bar must not replace a newer snapshot. */
  void keep(FeatureSnapshot snapshot) {
    latest.computeIfAbsent(snapshot.symbol(), s -> new HashMap<>())
        .merge(snapshot.venue(), snapshot, (old, now) -> now.ts() >= old.ts() ? now : old);
  }

  /** The symbol's snapshot from {@code venue}, or with venue null the newest from any venue; null when none. */
  FeatureSnapshot find(String symbol, String venue) {
    Map<String, FeatureSnapshot> byVenue = latest.getOrDefault(symbol, Map.of());
    if (venue != null) {
      return byVenue.get(venue);
    }
    FeatureSnapshot newest = null;
    for (FeatureSnapshot s : byVenue.values()) {
      if (newest == null || s.ts() > newest.ts()) {
        newest = s;
      }
    }
    return newest;
  }
}
