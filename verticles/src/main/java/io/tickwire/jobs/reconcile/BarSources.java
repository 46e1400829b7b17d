package io.tickwire.jobs.reconcile;

import io.tickwire.store.ReconcileQueries;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The two sides of a reconciliation ({@link ReconcileQueries}): bars recomputed from the stored trades and the
 * stored real-time bars, each keyed by bar in key order.
 */
final class BarSources {
  private BarSources() {
  }

  static Map<BarKey, BarValues> recomputed(Connection db, long fromMicros, long toMicros, long[] intervalsMillis)
      throws SQLException {
    return byKey(ReconcileQueries.recomputed(db, fromMicros, toMicros, intervalsMillis));
  }

  static Map<BarKey, BarValues> stored(Connection db, long fromMicros, long toMicros, long[] intervalsMillis)
      throws SQLException {
    return byKey(ReconcileQueries.stored(db, fromMicros, toMicros, intervalsMillis));
  }

  private static Map<BarKey, BarValues> byKey(List<ReconcileQueries.BarRow> rows) {
    Map<BarKey, BarValues> out = new TreeMap<>();
    for (ReconcileQueries.BarRow r : rows) {
      out.put(new BarKey(r.venue(), r.symbol(), r.intervalMillis(), r.startMicros()),
          new BarValues(r.open(), r.high(), r.low(), r.close(), r.volume(), r.trades()));
    }
    return out;
  }
}
