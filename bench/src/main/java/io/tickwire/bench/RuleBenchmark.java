package io.tickwire.bench;

import io.tickwire.codecs.FeatureSnapshot;
import io.tickwire.codecs.Signal;
import io.tickwire.config.FeatureWindow;
import io.tickwire.config.Settings;
import io.tickwire.inference.CompiledRule;
import io.tickwire.inference.InferenceVerticle;
import io.tickwire.inference.Rule;
import io.tickwire.inference.RuleCompiler;
import io.tickwire.inference.RuleEngine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The inference stage's per-snapshot work: {@value #RULES} compiled CEL rules evaluated by the {@link RuleEngine}
 * against one feature snapshot, edge and cooldown tracking included. The rules are {@link BenchRules#realistic}, the
 * set the earlier hand-written {@code RuleEngineBenchmark} used (5 templates over momentum, RSI, volatility and
 * return, thresholds 1.5 to 3 standard deviations out so most evaluations are false, cooldowns 0 to 3 s), compiled
 * against the real feature names (conf/tickwire.yaml's windows and the book features). Snapshots: a seeded stream
 * over 20 symbols, one a second per symbol, each carrying the ten configured features with about 5% of them absent,
 * as at start-up. The score is snapshots/s; multiply by {@value #RULES} for rule evaluations/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RuleBenchmark {
  static final int RULES = 50;
  static final int SNAPSHOTS = 100_000;

  private FeatureSnapshot[] snapshots;
  private int next;
  private RuleEngine engine;

  @Setup
  public void setup() {
    Settings settings = BenchInputs.settings();
    RuleCompiler compiler = new RuleCompiler(InferenceVerticle.featureNames(settings),
        settings.rules().maxConditionLength());
    engine = new RuleEngine(rules(compiler));
    List<String> features = settings.features().windows().stream().map(FeatureWindow::name).toList();
    snapshots = snapshots(features).toArray(new FeatureSnapshot[0]);
    if (engine.evaluateAll(List.of(snapshots)).isEmpty()) {
      throw new IllegalStateException("the rules fired no signal over the whole stream");
    }
  }

  static List<CompiledRule> rules(RuleCompiler compiler) {
    List<CompiledRule> out = new ArrayList<>(RULES);
    for (int i = 0; i < RULES; i++) {
      out.add(compiler.compile(new Rule("bench_" + i, BenchRules.realistic(i), 1, 0.5,
          BenchRules.realisticCooldownMs(i), true, 1)));
    }
    return out;
  }

  private static List<FeatureSnapshot> snapshots(List<String> features) {
    Random random = new Random(7);
    List<FeatureSnapshot> out = new ArrayList<>(SNAPSHOTS);
    int symbols = 20;
    for (int i = 0; i < SNAPSHOTS; i++) {
      Map<String, Double> values = new HashMap<>();
      for (String name : features) {
        if (random.nextInt(20) != 0) {
          values.put(name, value(name, random));
        }
      }
      long second = i / symbols;
      out.add(new FeatureSnapshot(i % 3 == 0 ? "kraken" : "sim", "SYM" + (i % symbols),
          BenchInputs.START_MICROS + second * 1_000_000L, 100 + random.nextGaussian(), values));
    }
    return out;
  }

  private static double value(String name, Random random) {
    return switch (name) {
      case "rsi_14" -> 50 + 30 * random.nextGaussian();
      case "vol_5m" -> Math.abs(0.3 + 0.1 * random.nextGaussian());
      case "vwap_1m" -> 100 + random.nextGaussian();
      case "volume_1m" -> Math.abs(20 + 5 * random.nextGaussian());
      case "trades_1m" -> Math.floor(Math.abs(300 + 50 * random.nextGaussian()));
      case "kurt_5m" -> 3 + random.nextGaussian();
      default -> 0.01 * random.nextGaussian();
    };
  }

  @Benchmark
  public List<Signal> evaluate() {
    FeatureSnapshot snapshot = snapshots[next];
    next = next + 1 == snapshots.length ? 0 : next + 1;
    return engine.evaluate(snapshot);
  }
}
