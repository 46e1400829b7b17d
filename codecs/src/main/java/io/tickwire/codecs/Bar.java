package io.tickwire.codecs;

import java.util.Objects;

/**
 * An OHLCV bar of one event-time tumbling window {@code [start, start + intervalMillis)}. Prices and volume are
 * doubles: bars are derived data, and double arithmetic keeps windowing cheap. {@code revision} is 0 when the
 * window first closes and counts up each time late data revises it.
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
    int revision) {

  public Bar {
    Objects.requireNonNull(venue, "venue");
    Objects.requireNonNull(symbol, "symbol");
    if (intervalMillis <= 0) {
      throw new IllegalArgumentException("intervalMillis must be positive, was " + intervalMillis);
    }
  }

  /** Exclusive end of the window, epoch microseconds. */
  public long end() {
    return start + intervalMillis * 1000L;
  }

  public String interval() {
    return Intervals.label(intervalMillis);
  }
}
