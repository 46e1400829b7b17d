package io.tickwire.flow;

import java.util.function.LongSupplier;

/**
 * Admits at most {@code perSecond} samples in each wall-clock second, so a flood of bad input becomes a trickle of
 * dead letters a human can read (everything is still counted elsewhere). Not thread-safe: one per event loop.
 */
public final class PerSecondSampler {
  private final int perSecond;
  private final LongSupplier clockMillis;
  private long windowStartMs;
  private int admittedInWindow;

  public PerSecondSampler(int perSecond) {
    this(perSecond, System::currentTimeMillis);
  }

  PerSecondSampler(int perSecond, LongSupplier clockMillis) {
    this.perSecond = perSecond;
    this.clockMillis = clockMillis;
    this.windowStartMs = clockMillis.getAsLong();
  }

  /** Whether this sample fits in the current second's budget (and takes its place if so). */
  public boolean admit() {
    long nowMs = clockMillis.getAsLong();
    if (nowMs - windowStartMs >= 1000) {
      windowStartMs = nowMs;
      admittedInWindow = 0;
    }
    if (admittedInWindow >= perSecond) {
      return false;
    }
    admittedInWindow++;
    return true;
  }
}
