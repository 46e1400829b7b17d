package io.tickwire.feature;

/** The ratio {@code close_t / close_{t-n}}, n bars back; known once n + 1 closes have been seen. */
final class LaggedClose {
  private final DoubleRing closes;

  LaggedClose(int bars) {
    closes = new DoubleRing(bars + 1);
  }

  void add(double close) {
    closes.push(close);
  }

  boolean known() {
    return closes.full();
  }

  double ratio() {
    return closes.newest() / closes.oldest();
  }
}
