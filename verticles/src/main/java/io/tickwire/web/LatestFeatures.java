package io.tickwire.web;

import io.tickwire.codecs.FeatureBatch;
import io.tickwire.codecs.FeatureSnapshot;
import io.tickwire.flow.Addresses;
import io.tickwire.flow.BestEffortConsumer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.tickwire.flow.LruMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The newest feature snapshot of every (venue, symbol), observed best-effort on {@code md.features} so the web
 * node never slows the pipeline; a dropped batch only means a slightly older snapshot until the next one.
 * Confined to the subscribing verticle's event loop, which also serves the HTTP requests that read it.
 *
 * <p>At most {@code maxSymbols} symbols are kept (the least recently updated dropped first, counted): a dropped
 * symbol only has no snapshot to test rules against until its next one, and the cap ({@code router.max_symbols})
 * makes it one idle for longer than every live one.
 */
final class LatestFeatures {
  /** Feature batches come once per base interval; a few are plenty to ride out a slow moment. */
  private static final int QUEUE = 64;

  /** symbol -> venue -> newest snapshot. */
  private final LruMap<String, Map<String, FeatureSnapshot>> latest;

  LatestFeatures(int maxSymbols) {
    this.latest = new LruMap<>(maxSymbols);
  }

  static Future<LatestFeatures> subscribe(Vertx vertx, int maxSymbols) {
    LatestFeatures features = new LatestFeatures(maxSymbols);
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

  int symbols() {
    return latest.size();
  }

  /** Symbols dropped to stay within the cap. */
  long evictions() {
    return latest.evictions();
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
