package io.tickwire.feature;

/**
 * The sum of the last {@code capacity} values, O(1) amortised per push. The running sum is compensated
 * ({@link CompensatedSum}) and, once per full turn of the ring, recomputed from the values it holds: the
 * compensation keeps each update accurate, the periodic recomputation guarantees that whatever error remains
 * cannot accumulate over an unbounded stream (it costs {@code capacity} additions every {@code capacity}
 * pushes, i.e. one per push).
 */
final class WindowSum {
  private final DoubleRing ring;
  private final CompensatedSum sum = new CompensatedSum();
  private int sinceRecompute;

  WindowSum(int capacity) {
    ring = new DoubleRing(capacity);
  }

  void push(double value) {
    if (ring.full()) {
      sum.subtract(ring.oldest());
    }
    ring.push(value);
    sum.add(value);
    if (++sinceRecompute >= ring.capacity()) {
      recompute();
    }
  }

  private void recompute() {
    sum.reset();
    for (int i = 0; i < ring.size(); i++) {
      sum.add(ring.get(i));
    }
    sinceRecompute = 0;
  }

  double sum() {
    return sum.value();
  }

  double mean() {
    return sum() / ring.size();
  }

  boolean full() {
    return ring.full();
  }
}
