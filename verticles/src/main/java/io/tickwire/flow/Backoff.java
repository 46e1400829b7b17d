package io.tickwire.flow;

/** Capped exponential backoff, the one formula every retry loop uses: {@code first * 2^(attempt - 1)}, at most {@code max}. */
public final class Backoff {
  private Backoff() {
  }

  /** Delay before retry number {@code attempt} (1 for the first retry). */
  public static long delayMs(int attempt, long firstMs, long maxMs) {
    int doublings = Math.max(0, Math.min(attempt - 1, 30));
    return Math.min(maxMs, firstMs << Math.min(doublings, Long.numberOfLeadingZeros(firstMs) - 1));
  }
}
