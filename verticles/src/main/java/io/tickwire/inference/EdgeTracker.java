package io.tickwire.inference;

import io.tickwire.flow.LruMap;
import java.util.Arrays;

/**
 * Edge detection with a cooldown, per key (a venue and symbol) and column (a rule, or the model). A key fires when
 * its condition is true and it is armed; firing disarms it, and only a false condition re-arms it. A key starts
 * armed, so the first true after start is an edge. A true condition while armed but within {@code cooldown} of the
 * last firing is swallowed: it disarms without firing, so a signal always marks a fresh edge, never a condition
 * that has been true for a while. Time is the snapshot's event time, so the same stream always gives the same
 * firings.
 *
 * <p>Why columns in one row per key rather than a tracker per rule: with thousands of symbols each map lookup is a
 * cache miss, and twenty rules made twenty of them per snapshot. The row is found once per snapshot
 * ({@link #row}) and each rule reads its own column of it.
 *
 * <p>At most {@code maxKeys} keys are tracked, the least recently observed dropped first (counted). A dropped key
 * starts armed again, so it may fire on its next true condition; that is the price of a bounded tracker, paid only
 * by a key idle for longer than every live one ({@code maxKeys} is {@code router.max_symbols}, the most symbols
 * that flow at once).
 */
final class EdgeTracker {
  /** For callers without settings (tests, benchmarks): the default of {@code router.max_symbols}. */
  static final int DEFAULT_MAX_KEYS = 20_000;

  private record Key(String venue, String symbol) {
  }

  private final LruMap<Key, Row> rows;

  EdgeTracker(int maxKeys) {
    this.rows = new LruMap<>(maxKeys);
  }

  /** The row of one (venue, symbol) stream, made armed in every column when new. */
  Row row(String venue, String symbol) {
    return rows.computeIfAbsent(new Key(venue, symbol), k -> new Row());
  }

  /** Feeds one true/false observation at {@code ts} (epoch microseconds) to a column of a row; true when it fires. */
  static boolean observe(Row row, int column, boolean condition, long ts, long cooldownMicros) {
    row.ensure(column);
    if (!condition) {
      row.disarmed[column] = false;
      return false;
    }
    if (row.disarmed[column]) {
      return false;
    }
    row.disarmed[column] = true;
    long firedAt = row.firedAt[column];
    if (firedAt != Long.MIN_VALUE && ts - firedAt < cooldownMicros) {
      return false;
    }
    row.firedAt[column] = ts;
    return true;
  }

  /** Starts a column afresh in every row (armed, never fired), for a new rule taking a retired rule's column. */
  void reset(int column) {
    for (Row row : rows.values()) {
      if (column < row.firedAt.length) {
        row.disarmed[column] = false;
        row.firedAt[column] = Long.MIN_VALUE;
      }
    }
  }

  int keys() {
    return rows.size();
  }

  /** Keys dropped to stay within the cap. */
  long evictions() {
    return rows.evictions();
  }

  /** One key's edge state, a column per rule; grown when a column beyond it is first observed. */
  static final class Row {
    private boolean[] disarmed = new boolean[0];
    private long[] firedAt = new long[0];

    private void ensure(int column) {
      if (column < firedAt.length) {
        return;
      }
      int from = firedAt.length;
      disarmed = Arrays.copyOf(disarmed, column + 1);
      firedAt = Arrays.copyOf(firedAt, column + 1);
      Arrays.fill(firedAt, from, firedAt.length, Long.MIN_VALUE);
    }
  }
}
