package io.tickwire.feature;

/** The last {@code capacity} values pushed, oldest first; fixed memory, O(1) per push. */
final class DoubleRing {
  private final double[] values;
  private int next;
  private int size;

  DoubleRing(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive, was " + capacity);
    }
    values = new double[capacity];
  }

  /** Appends {@code value}, pushing out the oldest once the ring is full. */
  void push(double value) {
    values[next] = value;
    next = (next + 1) % values.length;
    size = Math.min(size + 1, values.length);
  }

  /** The {@code i}-th value held, 0 being the oldest. */
  double get(int i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException(i);
    }
    int oldest = full() ? next : 0;
    return values[(oldest + i) % values.length];
  }

  double newest() {
    return get(size - 1);
  }

  double oldest() {
    return get(0);
  }

  int size() {
    return size;
  }

  int capacity() {
    return values.length;
  }

  boolean full() {
    return size == values.length;
  }
}
