package io.tickwire.batcher;

import io.tickwire.codecs.Bar;

/**
 * The running OHLCV state of one window. Open and close follow event time, not arrival order, so a stream in any
 * order within the allowed lateness gives the same bar: the open is the earliest trade, the close the latest,
 * and trades at the same microsecond are ordered by trade id (numerically when both ids are numbers). Volume is
 * summed exactly from the packed decimal sizes; the VWAP numerator is a double sum, so another arrival order may
 * change its last bits.
 *
 * <p>The revision number is the count of late trades folded in after the window closed. Emissions are coalesced
 * per batch, so numbers may be skipped, but revision n always has the same content for the same input however
 * the stream was batched: replays upsert identical rows, and a higher revision is always the newer bar.
 */
final class BarBuilder {
  final long start;
  final long end;
  private double open;
  private double high;
  private double low;
  private double close;
  private final ExactSum volume = new ExactSum();
  private double notional;
  private long trades;
  private long openTime;
  private String openId;
  private long closeTime;
  private String closeId;
  private int lateTrades;
  /** A filled bar's builder, kept revisable (no trades yet): its price and how often it was re-priced. */
  private boolean filled;
  private double fillPrice;
  private int fillRevisions;
  /** A late trade changed the bar since it was last emitted. */
  boolean pendingRevision;
  /** A trade changed the bar since it was last shown as forming: one store per trade, read a few times a second. */
  private boolean changedSinceShown;

  BarBuilder(long start, long end) {
    this.start = start;
    this.end = end;
  }

  /** The builder of an emitted filled bar at {@code price}, so a late trade or a revised close can revise it. */
  static BarBuilder filled(long start, long end, double price) {
    BarBuilder bar = new BarBuilder(start, end);
    bar.filled = true;
    bar.fillPrice = price;
    return bar;
  }

  /** Still a filled bar: no trade has come into its window. */
  boolean isFilled() {
    return filled && trades == 0;
  }

  /** The close a later filled bar takes from this one. */
  double close() {
    return isFilled() ? fillPrice : close;
  }

  /**
   * Re-prices a filled bar after a late trade changed the close before it; true if that changed it (then it is due
   * for emission as a revision).
   */
  boolean refill(double price) {
    if (!isFilled() || Double.compare(price, fillPrice) == 0) {
      return false;
    }
    fillPrice = price;
    fillRevisions++;
    return true;
  }

  /** Adds a trade: {@code sizePacked} is the exact size (see {@link io.tickwire.codecs.Decimals}), {@code size} its double. */
  void add(double price, long sizePacked, double size, long eventTime, String tradeId) {
    if (trades == 0) {
      open = high = low = close = price;
      openTime = closeTime = eventTime;
      openId = closeId = tradeId;
    } else {
      if (before(eventTime, tradeId, openTime, openId)) {
        open = price;
        openTime = eventTime;
        openId = tradeId;
      }
      if (!before(eventTime, tradeId, closeTime, closeId)) {
        close = price;
        closeTime = eventTime;
        closeId = tradeId;
      }
      high = Math.max(high, price);
      low = Math.min(low, price);
    }
    volume.add(sizePacked);
    notional += price * size;
    trades++;
    changedSinceShown = true;
  }

  private static boolean before(long time, String id, long otherTime, String otherId) {
    return time != otherTime ? time < otherTime : compareIds(id, otherId) < 0;
  }

  /** Numeric ids compare as numbers (shorter is smaller), anything else as text. */
  static int compareIds(String a, String b) {
    if (a.length() != b.length() && isDigits(a) && isDigits(b)) {
      return Integer.compare(a.length(), b.length());
    }
    return a.compareTo(b);
  }

  private static boolean isDigits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** Counts a trade that arrived after the window closed; call after {@link #add}. */
  void markLate() {
    lateTrades++;
    pendingRevision = true;
  }

  /** The bar as of now, numbered by the late trades it holds. */
  Bar emit(String venue, String symbol, long intervalMillis) {
    pendingRevision = false;
    return snapshot(venue, symbol, intervalMillis);
  }

  /** The still-open bar as of now if a trade changed it since the last call, else null. */
  Bar formingIfChanged(String venue, String symbol, long intervalMillis) {
    if (!changedSinceShown) {
      return null;
    }
    changedSinceShown = false;
    return snapshot(venue, symbol, intervalMillis);
  }

  private Bar snapshot(String venue, String symbol, long intervalMillis) {
    if (isFilled()) {
      return new Bar(venue, symbol, intervalMillis, start, fillPrice, fillPrice, fillPrice, fillPrice, 0, fillPrice,
          0, fillRevisions, end, true);
    }
    double total = volume.value();
    double vwap = total > 0 ? notional / total : close;
    // A bar that was a re-priced filled bar before its first trade keeps counting up from there.
    return new Bar(venue, symbol, intervalMillis, start, open, high, low, close, total, vwap, trades,
        lateTrades + fillRevisions, end, false);
  }
}
