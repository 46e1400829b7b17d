package io.tickwire.inference;

import java.util.HashMap;
import java.util.Map;

/**
 * Edge detection with a cooldown, per key (a venue and symbol). A key fires when its condition is true and it is
 * armed; firing disarms it, and only a false condition re-arms it. A key starts armed, so the first true after
 * start is an edge. A true condition while armed but within {@code cooldown} of the last firing is swallowed: it
 * disarms without firing, so a signal always marks a fresh edge, never a condition that has been true for a while.
 * Time is the snapshot's event time, so the same stream always gives the same firings.
 */
final class EdgeTracker {
  private final Map<String, Edge> edges = new HashMap<>();

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

  /** Key of one (venue, symbol) stream. */
  static String key(String venue, String symbol) {
    return venue + '\u0000' + symbol;
  }

  private static final class Edge {
    boolean armed = true;
    long firedAt = Long.MIN_VALUE;
  }
}
