package io.tickwire.bench.flink;

/** A bar read back from a file of either system, for {@link CompareBars}. Times in epoch milliseconds. */
record ComparedBar(String venue, String symbol, long intervalMillis, long startMillis, double open, double high,
    double low, double close, double volume, double vwap, long trades, int revision) {

  /** What identifies a bar across the two systems. */
  record Key(String venue, String symbol, long intervalMillis, long startMillis) {
  }

  Key key() {
    return new Key(venue, symbol, intervalMillis, startMillis);
  }
}
