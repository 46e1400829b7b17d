package io.tickwire.batcher;

import io.tickwire.codecs.Bar;

/**
 * The running OHLCV state of one window. Open and close follow event time, not arrival order, so an
 * out-of-order stream gives the same bar as a sorted one: the open is the earliest trade (the first to arrive
 * on a tie), the close the latest (the last to arrive on a tie). Volume and VWAP are double sums, so a
 * different arrival order may change their last bits.
 */
final class BarBuilder {
  final long start;
  final long end;
  private double open;
  private double high;
  private double low;
  private double close;
  private double volume;
  private double notional;
  private long trades;
  private long openTime;
  private long closeTime;
  private int revision = -1;

  BarBuilder(long start, long end) {
    this.start = start;
    this.end = end;
  }

  void add(double price, double size, long eventTime) {
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
    volume += size;
    notional += price * size;
    trades++;
  }

  boolean isEmpty() {
    return trades == 0;
  }

  /** The bar as of now; each call after the first is the next revision. */
  Bar emit(String venue, String symbol, long intervalMillis) {
    revision++;
    double vwap = volume > 0 ? notional / volume : close;
    return new Bar(venue, symbol, intervalMillis, start, open, high, low, close, volume, vwap, trades, revision);
  }
}
