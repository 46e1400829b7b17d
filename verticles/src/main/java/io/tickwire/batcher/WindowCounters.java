package io.tickwire.batcher;

import java.util.Map;

/** What happened to events in one partition's windows; read by tests, health and metrics. */
public final class WindowCounters {
  long trades;
  long derivativeEvents;
  long barsClosed;
  long barsFilled;
  long lateRevised;
  long lateDropped;
  long idleAdvances;
  long symbolsEvicted;
  long symbolCapRefused;

  public long trades() {
    return trades;
  }

  /** Option tickers, mark/funding updates and volatility index values: they move the watermark, build no bar. */
  public long derivativeEvents() {
    return derivativeEvents;
  }

  public long barsClosed() {
    return barsClosed;
  }

  /** Filled bars emitted for windows without trades ({@code batcher.empty} flat or none). */
  public long barsFilled() {
    return barsFilled;
  }

  /** Late trades folded into an already emitted bar, which was emitted again as a revision. */
  public long lateRevised() {
    return lateRevised;
  }

  /** Late trades dropped: by policy, or because their bar was past the revision horizon. */
  public long lateDropped() {
    return lateDropped;
  }

  /** Times the watermark moved by the wall clock because the partition was idle. */
  public long idleAdvances() {
    return idleAdvances;
  }

  /** Symbols whose windows were dropped once every bar of theirs was emitted and past the revision horizon. */
  public long symbolsEvicted() {
    return symbolsEvicted;
  }

  /** Trades refused because their symbol was new while the partition held its cap of symbols. */
  public long symbolCapRefused() {
    return symbolCapRefused;
  }

  /** Adds these counts to {@code sums} under their health names (an instance sums its partitions). */
  void addTo(Map<String, Long> sums) {
    sums.merge("trades", trades, Long::sum);
    sums.merge("derivative_events", derivativeEvents, Long::sum);
    sums.merge("bars_closed", barsClosed, Long::sum);
    sums.merge("bars_filled", barsFilled, Long::sum);
    sums.merge("late_revised", lateRevised, Long::sum);
    sums.merge("late_dropped", lateDropped, Long::sum);
    sums.merge("window_symbols_evicted", symbolsEvicted, Long::sum);
    sums.merge("trades_refused_symbol_cap", symbolCapRefused, Long::sum);
  }
}
