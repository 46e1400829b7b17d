package io.tickwire.bench;

import io.tickwire.codecs.Bar;
import io.tickwire.codecs.FeatureSnapshot;
import io.tickwire.config.FeatureSettings;
import io.tickwire.feature.FeatureEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The feature stage's per-bar work: {@link FeatureEngine#apply} with the default ten rolling features
 * (conf/tickwire.yaml: vwap, return, log return, volatility, RSI, momentum, skew, kurtosis, volume, trade count
 * over 30 s to 5 min) on each closed 1s bar, which yields one {@link FeatureSnapshot}. Input: a bar batch per
 * second of event time holding the closed 1s bars of {@value #SYMBOLS} symbols (prices a geometric random walk);
 * the pool of {@value #SECONDS} seconds starts over with a fresh engine when it runs out, so under 1% of the bars
 * fall in the first five minutes where the longest windows are still filling. The order book join of the feature
 * verticle is not included (no books in this input). Scores are bars/s, i.e. snapshots/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class FeatureBenchmark {
  static final int SYMBOLS = 8;
  static final int SECONDS = 32_768;

  private FeatureSettings settings;
  private List<List<Bar>> batches;
  private int next;
  private FeatureEngine engine;

  @Setup
  public void setup() {
    settings = BenchInputs.settings().features();
    if (settings.baseIntervalMillis() != 1_000) {
      throw new IllegalStateException("expected the default base interval 1s, conf/tickwire.yaml has "
          + settings.baseIntervalMillis() + " ms");
    }
    batches = bars(SYMBOLS, SECONDS);
    engine = new FeatureEngine(settings);
    for (int i = 0; i < 600; i++) { // ten minutes in: every window full, every feature present
      engine.apply(batches.get(next++));
    }
    List<FeatureSnapshot> snapshots = engine.apply(batches.get(next++));
    if (snapshots.size() != SYMBOLS || snapshots.get(0).features().size() != settings.windows().size()) {
      throw new IllegalStateException("expected " + SYMBOLS + " snapshots of " + settings.windows().size()
          + " features, got " + snapshots);
    }
  }

  /** Closed 1s bars, one batch per second holding every symbol's bar, as the batchers emit them. */
  static List<List<Bar>> bars(int symbols, int seconds) {
    SplittableRandom random = new SplittableRandom(3);
    double[] price = new double[symbols];
    java.util.Arrays.fill(price, 100);
    List<List<Bar>> out = new ArrayList<>(seconds);
    for (int t = 0; t < seconds; t++) {
      List<Bar> batch = new ArrayList<>(symbols);
      long start = BenchInputs.START_MICROS + t * 1_000_000L;
      for (int s = 0; s < symbols; s++) {
        double open = price[s];
        double close = open * Math.exp(0.0005 * gaussian(random));
        double high = Math.max(open, close) * (1 + 0.0002 * random.nextDouble());
        double low = Math.min(open, close) * (1 - 0.0002 * random.nextDouble());
        long trades = 1 + random.nextInt(400);
        double volume = trades * 0.05 * (0.5 + random.nextDouble());
        batch.add(new Bar("synthetic", "SYM" + s + "-USD", 1_000, start, open, high, low, close, volume,
            (open + high + low + close) / 4, trades, 0));
        price[s] = close;
      }
      out.add(List.copyOf(batch));
    }
    return out;
  }

  private static double gaussian(SplittableRandom random) {
    double u = 1 - random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
  }

  @Benchmark
  @OperationsPerInvocation(SYMBOLS)
  public List<FeatureSnapshot> onBars() {
    if (next == batches.size()) {
      engine = new FeatureEngine(settings);
      next = 0;
    }
    return engine.apply(batches.get(next++));
  }
}
