package io.tickwire.bench;

/**
 * What to run: {@code ratePerSec} 0 is as fast as the pipeline takes events; the figures cover {@code durationMs}
 * after {@code warmupMs} (JIT compilation, the database's first statements, the first windows closing).
 */
public record BenchOptions(long durationMs, long warmupMs, long ratePerSec, int symbols, boolean persistTrades,
    boolean cluster) {
  /** Enough to see how cost grows with a large venue's listing; each symbol is one name in the synthetic feed. */
  public static final int MAX_SYMBOLS = 100_000;

  public BenchOptions {
    if (durationMs <= 0) {
      throw new IllegalArgumentException("--duration must be positive, was " + durationMs + " ms");
    }
    if (warmupMs < 0) {
      throw new IllegalArgumentException("--warmup must not be negative, was " + warmupMs + " ms");
    }
    if (ratePerSec < 0) {
      throw new IllegalArgumentException("--rate must be max or a positive number of events/s, was " + ratePerSec);
    }
    if (symbols < 1 || symbols > MAX_SYMBOLS) {
      throw new IllegalArgumentException("--symbols must be between 1 and " + MAX_SYMBOLS + ", was " + symbols);
    }
  }

  public boolean maxRate() {
    return ratePerSec == 0;
  }
}
