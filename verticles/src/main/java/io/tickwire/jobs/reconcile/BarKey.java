package io.tickwire.jobs.reconcile;

import io.tickwire.codecs.Intervals;
import io.tickwire.codecs.IsoTime;
import io.vertx.core.json.JsonObject;

/** Which bar: venue, symbol, interval (ms) and window start (epoch µs), as the bars table keys it. */
public record BarKey(String venue, String symbol, long intervalMillis, long startMicros)
    implements Comparable<BarKey> {

  private static final java.util.Comparator<BarKey> ORDER = java.util.Comparator.comparingLong(BarKey::startMicros)
      .thenComparing(BarKey::venue).thenComparing(BarKey::symbol).thenComparingLong(BarKey::intervalMillis);

  @Override
  public int compareTo(BarKey other) {
    return ORDER.compare(this, other);
  }

  JsonObject toJson() {
    return new JsonObject().put("venue", venue).put("symbol", symbol).put("interval", Intervals.label(intervalMillis))
        .put("start", IsoTime.format(startMicros));
  }

  @Override
  public String toString() {
    return venue + " " + symbol + " " + Intervals.label(intervalMillis) + " " + IsoTime.format(startMicros);
  }
}
