package io.tickwire.feature;

import io.tickwire.codecs.Bar;
import java.util.OptionalDouble;

/**
 * Wilder's relative strength index over {@code period} bars, on the 0..100 scale. Close-to-close changes are
 * split into gains and losses; the averages are seeded with the simple mean of the first {@code period} changes
 * and then smoothed as {@code avg = (avg * (period - 1) + x) / period}. {@code RSI = 100 - 100 / (1 + avgGain /
 * avgLoss)}: 100 when there were no losses, and 50 when the price did not move at all (neither gains nor losses),
 * so a flat market reads as neutral rather than oversold. Absent until period + 1 closes have been seen.
 */
final class Rsi implements RollingFeature {
  private final int period;
  private double previousClose = Double.NaN;
  private int changes;
  private double averageGain;
  private double averageLoss;

  Rsi(int period) {
    if (period < 1) {
      throw new IllegalArgumentException("period must be positive, was " + period);
    }
    this.period = period;
  }

  @Override
  public void add(Bar bar) {
    if (!Double.isNaN(previousClose)) {
      addChange(bar.close() - previousClose);
    }
    previousClose = bar.close();
  }

  private void addChange(double change) {
    double gain = Math.max(change, 0);
    double loss = Math.max(-change, 0);
    changes++;
    if (changes <= period) {
      // seeding: a cumulative mean of the first period changes, the simple average once changes == period
      averageGain += (gain - averageGain) / changes;
      averageLoss += (loss - averageLoss) / changes;
    } else {
      averageGain = (averageGain * (period - 1) + gain) / period;
      averageLoss = (averageLoss * (period - 1) + loss) / period;
    }
  }

  @Override
  public OptionalDouble value() {
    if (changes < period) {
      return OptionalDouble.empty();
    }
    if (averageLoss == 0) {
      return OptionalDouble.of(averageGain == 0 ? 50 : 100);
    }
    return OptionalDouble.of(100 - 100 / (1 + averageGain / averageLoss));
  }
}
