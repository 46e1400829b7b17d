package io.tickwire.feature;

import io.tickwire.codecs.Bar;
import io.tickwire.config.FeatureWindow;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/** Bars and windows for feature tests: 1s bars of one symbol, bar {@code i} covering second {@code i}. */
final class FeatureBars {
  static final long BASE_MILLIS = 1000;
  static final long T0_MICROS = 1_700_000_000_000_000L;

  private FeatureBars() {
  }

  static Bar bar(int i, double close, double volume, double vwap, long trades) {
    return new Bar("test", "BTC-USD", BASE_MILLIS, T0_MICROS + i * BASE_MILLIS * 1000, close, close, close, close,
        volume, vwap, trades, 0);
  }

  static Bar close(int i, double close) {
    return bar(i, close, 1, close, 1);
  }

  static List<Bar> closes(double... closes) {
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < closes.length; i++) {
      bars.add(close(i, closes[i]));
    }
    return bars;
  }

  static FeatureWindow window(String kind, int horizonBars) {
    return new FeatureWindow(kind + "_" + horizonBars, kind, horizonBars * BASE_MILLIS, 0);
  }

  static RollingFeature feature(String kind, int horizonBars) {
    return RollingFeatures.create(window(kind, horizonBars), BASE_MILLIS);
  }

  /** The feature's value after each bar. */
  static List<OptionalDouble> feed(RollingFeature feature, List<Bar> bars) {
    List<OptionalDouble> values = new ArrayList<>();
    for (Bar bar : bars) {
      feature.add(bar);
      values.add(feature.value());
    }
    return values;
  }
}
