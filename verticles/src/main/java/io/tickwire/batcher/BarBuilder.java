package io.tickwire.batcher;

import io.tickwire.codecs.Bar;

/**
 * The running OHLCV state of one window. Open and close follow event time, not arrival order, so an
 * out-of-order stream gives the same bar as a sorted one: the open is the earliest trade (the first to arrive
 * on a tie), the close the latest (the last to arrive on a tie). Volume is summed exactly from the packed
 * decimal sizes (so it prints as the exchange's digits and does not depend on order); the VWAP numerator is a
 * double sum, so a different arrival order may change its last bits.
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
  private long closeTime;
  private int revision = -1;

  BarBuilder(long start, long end) {
    this.start = start;
    this.end = end;
  }

  /** Adds a trade: {@code size} is a packed decimal (see {@link io.tickwire.codecs.Decimals}). */
  void add(double price, long size, long eventTime) {
    if (trades == 0) {
      open = high = low = close = price;
      openTime = closeTime = eventTime;
    } else {
      if (eventTime < openTime) {
        open = price;
        openTime = eventTime;
      }
      if (eventTime >= closeTime) {
        close = price;
        closeTime = eventTime;
      }
      high = Math.max(high, price);
      low = Math.min(low, price);
    }
    volume.add(size);
    notional += price * io.tickwire.codecs.Decimals.toDouble(size);
    trades++;
  }

  boolean isEmpty() {
    return trades == 0;
  }

  /** The bar as of now; each call after the first is the next revision. */
  Bar emit(String venue, String symbol, long intervalMillis) {
    revision++;
    double total = volume.value();
    double vwap = total > 0 ? notional / total : close;
    return new Bar(venue, symbol, intervalMillis, start, open, high, low, close, total, vwap, trades, revision);
  }
}
