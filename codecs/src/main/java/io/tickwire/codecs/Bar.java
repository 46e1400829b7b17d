package io.tickwire.codecs;

import java.util.Objects;

/**
 * An OHLCV bar of one event-time tumbling window {@code [start, end)}, epoch microseconds. For epoch-aligned
 * windows {@code end = start + intervalMillis}; a calendar window in a timezone with daylight saving may be an hour
 * shorter or longer than its nominal interval (a 23- or 25-hour day), so the end is carried, not derived. Prices
 * and volume are doubles: bars are derived data, and double arithmetic keeps windowing cheap. {@code revision} is 0
 * when the window first closes and counts up each time late data revises it.
 *
 * <p>A {@code filled} bar stands for a window without trades (the {@code flat} or {@code none} empty-window
 * policy): no trades, zero volume, and prices at the previous close ({@code flat}) or NaN ({@code none}, null in
 * JSON and in the database).
 */
public record Bar(
    String venue,
    String symbol,
    long intervalMillis,
    long start,
    double open,
    double high,
    double low,
    double close,
    double volume,
    double vwap,
    long trades,
    int revision,
    long end,
    boolean filled) {

  public Bar {
    Objects.requireNonNull(venue, "venue");
    Objects.requireNonNull(symbol, "symbol");
    if (intervalMillis <= 0) {
      throw new IllegalArgumentException("intervalMillis must be positive, was " + intervalMillis);
    }
    if (end <= start) {
      throw new IllegalArgumentException("bar end " + end + " must be after its start " + start);
    }
  }

  /** A bar of an epoch-aligned window with trades: ends one interval after its start. */
  public Bar(String venue, String symbol, long intervalMillis, long start, double open, double high, double low,
      double close, double volume, double vwap, long trades, int revision) {
    this(venue, symbol, intervalMillis, start, open, high, low, close, volume, vwap, trades, revision,
        start + intervalMillis * 1000L, false);
  }

  public String interval() {
    return Intervals.label(intervalMillis);
  }

  /** The bar's time under a label convention: its start ({@code open}) or its exclusive end ({@code close}). */
  public long labelTime(BarLabel label) {
    return label == BarLabel.CLOSE ? end : start;
  }
}
