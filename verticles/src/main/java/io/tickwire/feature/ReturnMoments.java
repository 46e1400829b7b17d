package io.tickwire.feature;

import java.util.OptionalDouble;

/**
 * Sample moments of the last {@code n} one-bar log returns {@code r_i = ln(close_i / close_{i-1})}, O(1) amortised
 * per bar.
 *
 * <p>It keeps compensated power sums {@code S_p = sum (r_i - K)^p}, p = 1..4, about a shift {@code K}. The
 * compensation lets a large return leave the window without wiping out the small ones that remain. Turning power
 * sums into central moments cancels terms of size {@code (mean - K)^p}, which costs about
 * {@code ((mean - K) / sd)^4} roundings, so the sums are recomputed from the ring about {@code K = } the current
 * mean (a "recentring") once per full turn of the window, and also as soon as the mean has moved more than
 * {@link #MAX_OFFSET_SDS} standard deviations from {@code K} (a spike leaving the window does that in one step),
 * at most once per {@code n / }{@link #MIN_RECENTRE_FRACTION} bars so a hostile series cannot make every update
 * cost O(n). The periodic recomputation also bounds any drift of the running updates. From the central sums
 * {@code C_p} (about the window mean):
 * <ul>
 *   <li>sample variance {@code s^2 = C_2 / (n - 1)};</li>
 *   <li>sample skewness, adjusted Fisher-Pearson {@code G1 = sqrt(n (n-1)) / (n-2) * g1} with
 *       {@code g1 = (C_3/n) / (C_2/n)^1.5} (as Excel SKEW, pandas skew);</li>
 *   <li>sample excess kurtosis {@code G2 = (n-1) / ((n-2)(n-3)) * ((n+1) g2 + 6)} with
 *       {@code g2 = (C_4/n) / (C_2/n)^2 - 3} (as Excel KURT, pandas kurt).</li>
 * </ul>
 * A variance within rounding noise of zero counts as zero: volatility is then 0, while skewness and kurtosis,
 * which divide by it, are absent.
 */
final class ReturnMoments {
  /** Below this fraction of sum(r^2) a central second moment is rounding noise of a constant series. */
  private static final double ZERO_VARIANCE = 1e-12;
  private static final double MAX_OFFSET_SDS = 4;
  private static final int MIN_RECENTRE_FRACTION = 16;

  private final DoubleRing returns;
  private final int minRecentreGap;
  private final CompensatedSum[] powers = {new CompensatedSum(), new CompensatedSum(), new CompensatedSum(),
      new CompensatedSum()};
  private double shift;
  private double previousClose = Double.NaN;
  private int sinceRecompute;

  ReturnMoments(int n) {
    returns = new DoubleRing(n);
    minRecentreGap = Math.max(1, n / MIN_RECENTRE_FRACTION);
  }

  void addClose(double close) {
    if (!Double.isNaN(previousClose)) {
      push(Math.log(close / previousClose));
    }
    previousClose = close;
  }

  private void push(double r) {
    if (returns.full()) {
      accumulate(returns.oldest(), -1);
    }
    returns.push(r);
    accumulate(r, 1);
    sinceRecompute++;
    if (sinceRecompute >= returns.capacity() || (sinceRecompute >= minRecentreGap && shiftDrifted())) {
      recentre();
    }
  }

  /** Whether the window mean is more than MAX_OFFSET_SDS standard deviations (population) away from the shift. */
  private boolean shiftDrifted() {
    double n = returns.size();
    double s1 = powers[0].value();
    double offset = s1 / n;
    double variance = Math.max(0, powers[1].value() - s1 * offset) / n;
    return offset * offset > MAX_OFFSET_SDS * MAX_OFFSET_SDS * variance;
  }

  private void accumulate(double r, int sign) {
    double d = r - shift;
    double term = sign * d;
    for (CompensatedSum power : powers) {
      power.add(term);
      term *= d;
    }
  }

  private void recentre() {
    double mean = 0;
    for (int i = 0; i < returns.size(); i++) {
      mean += returns.get(i);
    }
    shift = mean / returns.size();
    for (CompensatedSum power : powers) {
      power.reset();
    }
    for (int i = 0; i < returns.size(); i++) {
      accumulate(returns.get(i), 1);
    }
    sinceRecompute = 0;
  }

  /** True once the window holds n returns, i.e. n + 1 closes have been seen. */
  boolean full() {
    return returns.full();
  }

  /** Sample standard deviation; empty before the window is full or with fewer than 2 returns. */
  OptionalDouble standardDeviation() {
    int n = returns.size();
    if (!full() || n < 2) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(Math.sqrt(centralSum2() / (n - 1)));
  }

  OptionalDouble skewness() {
    int n = returns.size();
    double c2 = centralSum2();
    if (!full() || n < 3 || c2 == 0) {
      return OptionalDouble.empty();
    }
    double g1 = (centralSum3() / n) / Math.pow(c2 / n, 1.5);
    return OptionalDouble.of(Math.sqrt((double) n * (n - 1)) / (n - 2) * g1);
  }

  OptionalDouble excessKurtosis() {
    int n = returns.size();
    double c2 = centralSum2();
    if (!full() || n < 4 || c2 == 0) {
      return OptionalDouble.empty();
    }
    double m2 = c2 / n;
    double g2 = (centralSum4() / n) / (m2 * m2) - 3;
    return OptionalDouble.of((n - 1.0) / ((n - 2.0) * (n - 3.0)) * ((n + 1) * g2 + 6));
  }

  /** C_2, clamped to exactly 0 when it is within rounding noise of zero. */
  private double centralSum2() {
    double n = returns.size();
    double s1 = powers[0].value();
    double s2 = powers[1].value();
    double c2 = s2 - s1 * s1 / n;
    double scale = s2 + 2 * shift * s1 + n * shift * shift; // sum r^2, the size of what cancelled
    return c2 <= ZERO_VARIANCE * scale ? 0 : c2;
  }

  private double centralSum3() {
    double n = returns.size();
    double s1 = powers[0].value();
    double s2 = powers[1].value();
    double s3 = powers[2].value();
    return s3 - 3 * s1 * s2 / n + 2 * s1 * s1 * s1 / (n * n);
  }

  private double centralSum4() {
    double n = returns.size();
    double s1 = powers[0].value();
    double s2 = powers[1].value();
    double s3 = powers[2].value();
    double s4 = powers[3].value();
    return s4 - 4 * s1 * s3 / n + 6 * s1 * s1 * s2 / (n * n) - 3 * s1 * s1 * s1 * s1 / (n * n * n);
  }
}
