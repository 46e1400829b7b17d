package io.tickwire.batcher;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds the partitions that drop most of their trades as late. That is what a watermark pushed ahead of the
 * partition's real event times looks like (a clock glitch, a producer stamping local time as UTC): the bars stop
 * while every input still looks accepted, so it must show in health rather than only in a counter.
 *
 * <p>Each partition is judged over its trades since its last verdict, once at least {@link #MIN_TRADES} of them
 * have arrived, so a quiet partition is judged over a longer span instead of on a handful of trades; the verdict
 * holds until the next one. Confined to the batcher's event loop.
 */
final class LateShareWatch {
  static final int MIN_TRADES = 100;
  /** "Most": more than this share of the trades judged. */
  static final double MOST = 0.5;

  private final Map<Integer, long[]> judgedUpTo = new HashMap<>();
  private final Map<Integer, Double> mostlyLate = new TreeMap<>();

  /** Updates the verdicts from the partitions' counters; returns the partitions mostly late, with their share. */
  Map<Integer, Double> check(Map<Integer, OwnedPartition> owned) {
    mostlyLate.keySet().retainAll(owned.keySet());
    judgedUpTo.keySet().retainAll(owned.keySet());
    for (OwnedPartition partition : owned.values()) {
      judge(partition.partition, partition.windows.counters());
    }
    return mostlyLate;
  }

  private void judge(int partition, WindowCounters counters) {
    long[] from = judgedUpTo.computeIfAbsent(partition, p -> new long[2]);
    long trades = counters.trades() - from[0];
    long dropped = counters.lateDropped() - from[1];
    if (trades < MIN_TRADES) {
      return;
    }
    from[0] = counters.trades();
    from[1] = counters.lateDropped();
    double share = (double) dropped / trades;
    if (share > MOST) {
      mostlyLate.put(partition, share);
    } else {
      mostlyLate.remove(partition);
    }
  }
}
