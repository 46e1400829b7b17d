package io.tickwire.batcher;

import io.tickwire.codecs.Bar;
import io.tickwire.config.BatcherSettings.EmptyPolicy;

/**
 * The empty-window policy ({@code batcher.empty}, per interval with {@code batcher.empty_intervals}): under {@code flat} or {@code none} a window without trades, after
 * a symbol's first bar, gives a filled bar: no trades, zero volume, prices at the previous close ({@code flat}) or
 * NaN ({@code none}), revision 0, {@code filled} set. Filled bars stop {@code maxGapMicros} after the end of the
 * symbol's last bar with trades, so a symbol that stopped trading neither emits nor holds state for ever.
 *
 * <p>A filled bar depends only on the bars before it in event time, so it is the same for any arrival order within
 * the allowed lateness. Under the revise policy filled bars stay revisable like any bar: a late trade in a filled window
 * revises it into a bar with trades, and a late trade that changes a close re-prices the flat filled bars after it
 * (emitted again with a higher revision), within the revision horizon.
 */
final class FillPolicy {
  /** {@link #due} when no filled bar is due. */
  static final long NO_FILL = Long.MAX_VALUE;
  private static final long NEVER = Long.MIN_VALUE;

  /** Per interval; all skip keeps no state at all. */
  private final EmptyPolicy[] policies;
  private final boolean any;
  private final long maxGapMicros;

  FillPolicy(EmptyPolicy[] policies, long maxGapMicros) {
    this.policies = policies.clone();
    this.any = java.util.Arrays.stream(policies).anyMatch(p -> p != EmptyPolicy.SKIP);
    this.maxGapMicros = maxGapMicros;
  }

  /** What one symbol's interval remembers to fill the windows after its last bar. */
  static final class Trail {
    /** End of the last bar emitted (with trades or filled); the next window to fill starts here. */
    long lastEnd = NEVER;
    long lastTradeEnd = NEVER;
    double lastClose;
  }

  /** One trail per filled interval (null for a skipped one), or null when nothing is filled: skip keeps no state. */
  Trail[] trails(int intervals) {
    if (!any) {
      return null;
    }
    Trail[] trails = new Trail[intervals];
    for (int i = 0; i < intervals; i++) {
      trails[i] = policies[i] == EmptyPolicy.SKIP ? null : new Trail();
    }
    return trails;
  }

  /** The end of the next window to fill for interval {@code i}, or {@link #NO_FILL}; leaves it in {@code grid}. */
  long due(Trail[] trails, int i, WindowGrid grid) {
    if (trails == null || trails[i] == null || trails[i].lastEnd == NEVER) {
      return NO_FILL;
    }
    Trail trail = trails[i];
    grid.locate(trail.lastEnd);
    return grid.end - trail.lastTradeEnd > maxGapMicros ? NO_FILL : grid.end;
  }

  /** Whether interval {@code i} fills at the previous close. */
  boolean flat(int i) {
    return policies[i] == EmptyPolicy.FLAT;
  }

  /**
   * A late trade changed the close of the bar ending at {@code end}, and every bar emitted after it is filled: the
   * next filled bars take the new close; if the bar now has trades, the gap limit counts from it.
   */
  void revised(Trail[] trails, int i, long end, double close, boolean hasTrades) {
    if (trails == null || trails[i] == null || trails[i].lastEnd == NEVER) {
      return;
    }
    Trail trail = trails[i];
    trail.lastClose = close;
    trail.lastEnd = Math.max(trail.lastEnd, end); // a window past the fill's reach has no filled bars before it
    if (hasTrades && end > trail.lastTradeEnd) {
      trail.lastTradeEnd = end;
    }
  }

  /** Records a closed bar with trades: later empty windows fill from its close. */
  void closed(Trail[] trails, int i, Bar bar) {
    if (trails == null || trails[i] == null) {
      return;
    }
    Trail trail = trails[i];
    if (bar.end() > trail.lastEnd) {
      trail.lastEnd = bar.end();
      trail.lastTradeEnd = bar.end();
      trail.lastClose = bar.close();
    }
  }

  /** The filled bar of the window {@link #due} just found in {@code grid}; the trail moves past it. */
  Bar emit(Trail trail, int i, String venue, String symbol, long intervalMillis, WindowGrid grid) {
    grid.locate(trail.lastEnd);
    double price = policies[i] == EmptyPolicy.FLAT ? trail.lastClose : Double.NaN;
    trail.lastEnd = grid.end;
    return new Bar(venue, symbol, intervalMillis, grid.start, price, price, price, price, 0, price, 0, 0, grid.end,
        true);
  }
}
