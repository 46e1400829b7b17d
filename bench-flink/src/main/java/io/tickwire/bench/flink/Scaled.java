package io.tickwire.bench.flink;

import java.math.BigDecimal;

/**
 * Exact decimals as longs with eight decimal places: enough for the generator's prices (2) and sizes (6) and for
 * exchanges' usual precision. A value with more places, or too large, is refused rather than rounded.
 */
final class Scaled {
  static final int SCALE = 8;
  static final long FACTOR = 100_000_000L;

  private Scaled() {
  }

  /** Throws {@link ArithmeticException} when {@code value} needs more than eight places or does not fit. */
  static long of(BigDecimal value) {
    return value.movePointRight(SCALE).longValueExact();
  }

  /** The nearest double: exact division of the same rational, so it equals tickwire's for the same decimal. */
  static double toDouble(long scaled) {
    return scaled / (double) FACTOR;
  }
}
