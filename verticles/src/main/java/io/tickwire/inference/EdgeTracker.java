package io.tickwire.inference;

import io.tickwire.flow.LruMap;

/**
 * Edge detection with a cooldown, per key (a venue and symbol). A key fires when its condition is true and it is
 * armed; firing disarms it, and only a false condition re-arms it. A key starts armed, so the first true after
 * start is an edge. A true condition while armed but within {@code cooldown} of the last firing is swallowed: it
 * disarms without firing, so a signal always marks a fresh edge, never a condition that has been true for a while.
 * Time is the snapshot's event time, so the same stream always gives the same firings.
 *
 * <p>At most {@code maxKeys} keys are tracked, the least recently observed dropped first (counted). A dropped key
 * starts armed again, so it may fire on its next true condition; that is the price of a bounded tracker, paid only
 * by a key idle for longer than every live one ({@code maxKeys} is {@code router.max_symbols}, the most symbols
 * that flow at once).
 */
final class EdgeTracker {
  /** For callers without settings (tests, benchmarks): the default of {@code router.max_symbols}. */
  static final int DEFAULT_MAX_KEYS = 20_000;

  private final LruMap<String, Edge> edges;

  EdgeTracker(int maxKeys) {
    this.edges = new LruMap<>(maxKeys);
  }

  /** Feeds one true/false observation at {@code ts} (epoch microseconds); true when it fires. */
  boolean observe(String key, boolean condition, long ts, long cooldownMicros) {
    Edge edge = edges.computeIfAbsent(key, k -> new Edge());
    if (!condition) {
      edge.armed = true;
      return false;
    }
    if (!edge.armed) {
      return false;
    }
    edge.armed = false;
    if (edge.firedAt != Long.MIN_VALUE && ts - edge.firedAt < cooldownMicros) {
      return false;
    }
    edge.firedAt = ts;
    return true;
  }

  int keys() {
    return edges.size();
  }

  /** Keys dropped to stay within the cap. */
  long evictions() {
    return edges.evictions();
  }

  /** Key of one (venue, symbol) stream. */
  static String key(String venue, String symbol) {
    return venue + '\u0000' + symbol;
  }

  private static final class Edge {
    boolean armed = true;
    long firedAt = Long.MIN_VALUE;
  }
}
