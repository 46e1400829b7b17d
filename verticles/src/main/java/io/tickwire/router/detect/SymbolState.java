package io.tickwire.router.detect;

/**
 * Everything the router's per-symbol detectors remember about one (venue, symbol), in one object.
 *
 * <p>Why one object rather than a map per detector: with thousands of symbols each map lookup is a cache miss, and
 * the router made five of them per event (admission, order, staleness, outliers, sequence gaps). The router now finds
 * this object once per event and hands it to each detector, and the symbol's state lives and dies with its admission
 * ({@code router.max_symbols}, {@code router.symbol_idle_ms}). The fields belong to the detectors of this package; the
 * price window and id track are made on first use, since not every symbol sees trades with numeric ids.
 */
public final class SymbolState {
  final String venue;
  final String symbol;
  private long lastSeenMillis;

  /** {@link OrderDetector}: the newest event time seen. */
  long newestEventTime = Long.MIN_VALUE;

  /** {@link StaleFeedDetector}: last arrival (wall micros), newest event time, and whether this silence was reported. */
  boolean watched;
  long lastArrivalMicros;
  long lastEventTime;
  boolean staleReported;

  /** {@link OutlierDetector}'s window of recent prices, once the symbol has traded. */
  PriceWindow prices;

  /** {@link SequenceGapDetector}'s highest id and the ids still missing, once a numeric id has arrived. */
  IdTrack ids;

  public SymbolState(String venue, String symbol) {
    this.venue = venue;
    this.symbol = symbol;
  }

  public String venue() {
    return venue;
  }

  public String symbol() {
    return symbol;
  }

  /** When the router last admitted an event of this symbol (wall millis); used to forget idle symbols. */
  public long lastSeenMillis() {
    return lastSeenMillis;
  }

  public void touch(long nowMillis) {
    lastSeenMillis = nowMillis;
  }
}
