package io.tickwire.replay;

/**
 * What {@link ChaosInjector} does to a stream. The rates are probabilities per input line and share one draw
 * (a line gets at most one fault), so they must sum to at most 1. A shuffle window of 0 or 1 keeps the order.
 */
public record ChaosSettings(double duplicateRate, int shuffleWindow, double driftRate, double gapRate, long seed) {
  public ChaosSettings {
    requireRate("duplicateRate", duplicateRate);
    requireRate("driftRate", driftRate);
    requireRate("gapRate", gapRate);
    requireTotal("duplicateRate + driftRate + gapRate", duplicateRate + driftRate + gapRate);
    if (shuffleWindow < 0) {
      throw new IllegalArgumentException("shuffleWindow must be 0 or more, got " + shuffleWindow);
    }
  }

  /** No faults, no shuffle: the output is the input without its blank lines. */
  public static ChaosSettings none(long seed) {
    return new ChaosSettings(0, 0, 0, 0, seed);
  }

  /** Whether the output is the input as it is (blank lines aside): no fault can happen and nothing is shuffled. */
  public boolean injectsNothing() {
    return duplicateRate == 0 && driftRate == 0 && gapRate == 0 && shuffleWindow <= 1;
  }

  /** Throws naming {@code name} unless {@code p} is a probability. */
  public static void requireRate(String name, double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException(name + " must be within [0, 1], got " + p);
    }
  }

  /** Throws naming {@code names} unless the fault rates, which share one draw per line, sum to at most 1. */
  public static void requireTotal(String names, double sum) {
    if (sum > 1 + 1e-9) {
      throw new IllegalArgumentException(names + " must be at most 1 (a line gets one fault at most), got " + sum);
    }
  }
}
