package io.tickwire.jobs.reconcile;

import io.tickwire.codecs.Intervals;
import java.sql.Connection;
import java.sql.SQLException;

/** Recomputes the bars of a closed range from the stored trades and compares them with the stored bars. */
public final class Reconciler {
  private final double threshold;

  public Reconciler(double threshold) {
    this.threshold = threshold;
  }

  /**
   * Reconciles the windows of {@code intervalsMillis} starting in {@code [fromMicros, toMicros)}; both ends must be
   * aligned to every interval so no window is cut in two.
   */
  public ReconcileReport run(Connection db, long fromMicros, long toMicros, long[] intervalsMillis)
      throws SQLException {
    for (long interval : intervalsMillis) {
      checkAligned("from", fromMicros, interval);
      checkAligned("to", toMicros, interval);
    }
    if (toMicros <= fromMicros) {
      throw new IllegalArgumentException("to must be after from");
    }
    return ReconcileReport.compare(fromMicros, toMicros, threshold,
        BarSources.recomputed(db, fromMicros, toMicros, intervalsMillis),
        BarSources.stored(db, fromMicros, toMicros, intervalsMillis));
  }

  private static void checkAligned(String name, long micros, long intervalMillis) {
    if (Math.floorMod(micros, intervalMillis * 1000) != 0) {
      throw new IllegalArgumentException(name + " " + io.tickwire.codecs.IsoTime.format(micros)
          + " is not aligned to the " + Intervals.label(intervalMillis) + " interval (windows start at multiples"
          + " of it since the epoch)");
    }
  }
}
