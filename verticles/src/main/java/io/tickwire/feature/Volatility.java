package io.tickwire.feature;

import io.tickwire.codecs.Bar;
import java.util.OptionalDouble;

/**
 * Annualised realised volatility over n bars:
 * <pre>
 *   r_i = ln(close_i / close_{i-1})               the n one-bar log returns of the horizon (n + 1 closes)
 *   s   = sqrt( sum (r_i - mean r)^2 / (n - 1) )  sample standard deviation
 *   vol = s * sqrt(SECONDS_PER_YEAR / base seconds)
 * </pre>
 * with a 365-day year of 86,400 s days, because the venues tickwire reads trade around the clock every day
 * (so 1s bars give a factor of sqrt(31,536,000) ≈ 5,615.7). A constant price gives 0.
 */
final class Volatility implements RollingFeature {
  static final double SECONDS_PER_YEAR = 365 * 86_400.0;

  private final ReturnMoments moments;
  private final double annualisation;

  Volatility(int bars, long baseIntervalMillis) {
    moments = new ReturnMoments(bars);
    annualisation = annualisation(baseIntervalMillis);
  }

  static double annualisation(long baseIntervalMillis) {
    return Math.sqrt(SECONDS_PER_YEAR / (baseIntervalMillis / 1000.0));
  }

  @Override
  public void add(Bar bar) {
    moments.addClose(bar.close());
  }

  @Override
  public OptionalDouble value() {
    OptionalDouble s = moments.standardDeviation();
    return s.isPresent() ? OptionalDouble.of(s.getAsDouble() * annualisation) : s;
  }
}
