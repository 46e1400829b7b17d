package io.tickwire.batcher;

import io.tickwire.codecs.Decimals;

/**
 * A running sum of packed decimals kept exact in a long at the largest scale seen, falling back to a double sum
 * only if the exact one would overflow (a volume beyond about 9e18 units at that scale).
 */
final class ExactSum {
  private static final long[] POW10 = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
      100_000_000L, 1_000_000_000L, 10_000_000_000L, 100_000_000_000L, 1_000_000_000_000L, 10_000_000_000_000L,
      100_000_000_000_000L, 1_000_000_000_000_000L};

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
        unscaled = Math.multiplyExact(unscaled, POW10[s - scale]);
        scale = s;
      } else if (s < scale) {
        u = Math.multiplyExact(u, POW10[scale - s]);
      }
      unscaled = Math.addExact(unscaled, u);
    } catch (ArithmeticException overflow) {
      inexact = true;
      fallback = unscaled / (double) POW10[scale] + Decimals.toDouble(packed);
    }
  }

  /** The sum as the nearest double. */
  double value() {
    return inexact ? fallback : unscaled / (double) POW10[scale];
  }
}
