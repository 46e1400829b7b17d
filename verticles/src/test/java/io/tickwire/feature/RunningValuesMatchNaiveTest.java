package io.tickwire.feature;

import static io.tickwire.feature.Near.assertNear;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.Bar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * 100,000 bars through the O(1) running features, each compared after every bar with a naive recomputation over
 * the last bars ({@link TwoPass}). The series is built to hurt running sums: a price level of 60,000 with tiny
 * moves (large mean next to the spread of closes), and volumes spanning 1e-6..1e6 so that adding then removing a
 * big volume wipes out a plain double sum of small ones. Tolerances, relative (absolute below 1): 1e-11 for
 * the sums, ratios and volatility; 1e-9 for skew and kurtosis, whose third and fourth powers amplify the
 * rounding of both sides (the largest error seen with this seed is about 1e-10 on kurtosis).
 */
class RunningValuesMatchNaiveTest {
  private static final int UPDATES = 100_000;
  private static final int HORIZON = 50;
  private static final double TOLERANCE = 1e-11;
  private static final double HIGHER_MOMENT_TOLERANCE = 1e-9;

  @Test
  void runningValuesMatchANaiveRecomputationOverALongSeries() {
    Map<String, RollingFeature> running = new LinkedHashMap<>();
    Map<String, Function<List<Bar>, Double>> naive = new LinkedHashMap<>();
    define(running, naive);
    List<Bar> bars = series();
    for (int i = 0; i < bars.size(); i++) {
      for (RollingFeature feature : running.values()) {
        feature.add(bars.get(i));
      }
      if (i >= HORIZON) {
        List<Bar> window = bars.subList(i - HORIZON, i + 1); // horizon + 1 bars: enough for every kind
        for (Map.Entry<String, RollingFeature> e : running.entrySet()) {
          OptionalDouble value = e.getValue().value();
          assertNear(value, naive.get(e.getKey()).apply(window), tolerance(e.getKey()), e.getKey() + " at bar " + i);
        }
      } else {
        assertThat(running.get("volatility").value()).isEmpty();
      }
    }
  }

  private static double tolerance(String kind) {
    return kind.equals("skew") || kind.equals("kurtosis") ? HIGHER_MOMENT_TOLERANCE : TOLERANCE;
  }

  private static void define(Map<String, RollingFeature> running, Map<String, Function<List<Bar>, Double>> naive) {
    for (String kind : List.of("vwap", "return", "log_return", "volatility", "momentum", "skew", "kurtosis",
        "volume", "trades")) {
      running.put(kind, FeatureBars.feature(kind, HORIZON));
    }
    naive.put("vwap", w -> sum(last(w), b -> b.vwap() * b.volume()) / sum(last(w), Bar::volume));
    naive.put("return", w -> closeRatio(w) - 1);
    naive.put("log_return", w -> Math.log(closeRatio(w)));
    naive.put("volatility", w -> TwoPass.sampleStandardDeviation(returns(w)) * Math.sqrt(31_536_000.0));
    naive.put("momentum", w -> w.get(HORIZON).close() / (sum(last(w), Bar::close) / HORIZON) - 1);
    naive.put("skew", w -> TwoPass.sampleSkewness(returns(w)));
    naive.put("kurtosis", w -> TwoPass.sampleExcessKurtosis(returns(w)));
    naive.put("volume", w -> sum(last(w), Bar::volume));
    naive.put("trades", w -> sum(last(w), b -> (double) b.trades()));
  }

  /** The last HORIZON bars of a window of HORIZON + 1. */
  private static List<Bar> last(List<Bar> window) {
    return window.subList(1, window.size());
  }

  private static double closeRatio(List<Bar> window) {
    return window.get(HORIZON).close() / window.get(0).close();
  }

  private static double[] returns(List<Bar> window) {
    return TwoPass.logReturns(window.stream().map(Bar::close).toList());
  }

  private static double sum(List<Bar> bars, Function<Bar, Double> field) {
    double[] values = bars.stream().mapToDouble(field::apply).toArray();
    return exactishSum(values);
  }

  /** Sorted by magnitude before adding, so small volumes are not swallowed by a big one. */
  private static double exactishSum(double[] values) {
    return java.util.Arrays.stream(values).boxed().sorted((a, b) -> Double.compare(Math.abs(a), Math.abs(b)))
        .mapToDouble(Double::doubleValue).sum();
  }

  private static List<Bar> series() {
    Random random = new Random(42);
    List<Bar> bars = new ArrayList<>(UPDATES);
    double close = 60_000;
    for (int i = 0; i < UPDATES; i++) {
      close *= Math.exp(1e-5 * random.nextGaussian() + (random.nextInt(1000) == 0 ? 0.01 : 0));
      double volume = Math.pow(10, -6 + 12 * random.nextDouble());
      double vwap = close * (1 + 1e-5 * random.nextGaussian());
      bars.add(FeatureBars.bar(i, close, volume, vwap, 1 + random.nextInt(500)));
    }
    return bars;
  }
}
