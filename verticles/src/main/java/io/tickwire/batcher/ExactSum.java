package io.tickwire.batcher;

import io.tickwire.codecs.Decimals;

/**
 * A running sum of packed decimals kept exact in a long at the largest scale seen, falling back to a double sum
 * only if the exact one would overflow (a volume beyond about 9e18 units at that scale).
 */
final class ExactSum {
  private long unscaled;
  private int scale;
  private boolean inexact;
  private double fallback;

  void add(long packed) {
    if (inexact) {
      fallback += Decimals.toDouble(packed);
      return;
    }
    try {
      int s = Decimals.scale(packed);
      long u = Decimals.unscaled(packed);
      if (s > scale) {
        unscaled = Math.multiplyExact(unscaled, Decimals.pow10(s - scale));
        scale = s;
      } else if (s < scale) {
        u = Math.multiplyExact(u, Decimals.pow10(scale - s));
      }
      unscaled = Math.addExact(unscaled, u);
    } catch (ArithmeticException overflow) {
      inexact = true;
      fallback = unscaled / (double) Decimals.pow10(scale) + Decimals.toDouble(packed);
    }
  }

  /** Back to zero, for reuse. */
  void reset() {
    unscaled = 0;
    scale = 0;
    inexact = false;
    fallback = 0;
  }

  /** The sum as the nearest double. */
  double value() {
    return inexact ? fallback : unscaled / (double) Decimals.pow10(scale);
  }
}
