package io.tickwire.feature;

import io.tickwire.config.FeatureWindow;

/** Builds the {@link RollingFeature} a configured window names. */
public final class RollingFeatures {
  private RollingFeatures() {
  }

  /**
   * A fresh feature for {@code window} on bars of {@code baseIntervalMillis}.
   *
   * @throws IllegalArgumentException for an unknown kind, or a horizon that is not a whole number (at least 1)
   *     of base intervals
   */
  public static RollingFeature create(FeatureWindow window, long baseIntervalMillis) {
    if (window.kind().equals("rsi")) {
      return new Rsi(window.period());
    }
    int bars = horizonBars(window, baseIntervalMillis);
    return switch (window.kind()) {
      case "vwap" -> new Vwap(bars);
      case "return" -> PeriodReturn.simple(bars);
      case "log_return" -> PeriodReturn.log(bars);
      case "volatility" -> new Volatility(bars, baseIntervalMillis);
      case "momentum" -> new Momentum(bars);
      case "skew" -> ReturnShape.skewness(bars);
      case "kurtosis" -> ReturnShape.excessKurtosis(bars);
      case "volume" -> WindowTotal.volume(bars);
      case "trades" -> WindowTotal.trades(bars);
      default -> throw new IllegalArgumentException(
          "feature " + window.name() + ": unknown kind " + window.kind());
    };
  }

  /** The horizon as a number of base bars. */
  static int horizonBars(FeatureWindow window, long baseIntervalMillis) {
    long horizon = window.horizonMillis();
    if (horizon < baseIntervalMillis || horizon % baseIntervalMillis != 0) {
      throw new IllegalArgumentException("feature " + window.name() + ": horizon " + horizon
          + " ms is not a whole number of base intervals of " + baseIntervalMillis + " ms");
    }
    long bars = horizon / baseIntervalMillis;
    if (bars > 1_000_000) {
      throw new IllegalArgumentException("feature " + window.name() + ": horizon of " + bars
          + " base bars is more than the 1,000,000 kept per symbol");
    }
    return (int) bars;
  }
}
