package io.tickwire.inference;

import io.tickwire.codecs.FeatureSnapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Rule evaluation rate: 50 rules over a stream of synthetic snapshots, three timed runs after a warm-up, median
 * reported. A benchmark, not a test: run it by hand (command in BENCHMARKS.md). Arguments: [snapshots] [rules].
 */
public final class RuleEngineBenchmark {
  private static final String[] TEMPLATES = {
      "momentum_1m > %s",
      "rsi_14 < %s && momentum_1m > -0.02",
      "vol_5m > %s || (venue == 'kraken' && rsi_14 > 60.0)",
      "ret_30s > %s && price > 99.0",
      "rsi_14 > %s && symbol != 'SYM3'",
  };

  private RuleEngineBenchmark() {
  }

  public static void main(String[] args) {
    int snapshots = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int ruleCount = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    List<FeatureSnapshot> stream = Snapshots.randomStream(7, snapshots, 20);
    RuleCompiler compiler = new RuleCompiler(Snapshots.FEATURES, 1000);
    List<CompiledRule> rules = rules(compiler, ruleCount);

    run(rules, stream);
    double[] seconds = new double[3];
    long signals = 0;
    for (int i = 0; i < seconds.length; i++) {
      long start = System.nanoTime();
      signals = run(rules, stream);
      seconds[i] = (System.nanoTime() - start) / 1e9;
    }
    Arrays.sort(seconds);
    double median = seconds[1];
    System.out.printf(Locale.ROOT, "%d rules x %d snapshots: median %.3f s (runs %s), %.0f snapshots/s,"
            + " %.0f ns per rule evaluation, %d signals per run%n", ruleCount, snapshots, median,
        Arrays.toString(seconds), snapshots / median, median * 1e9 / ((double) snapshots * ruleCount), signals);
  }

  private static long run(List<CompiledRule> rules, List<FeatureSnapshot> stream) {
    RuleEngine engine = new RuleEngine(rules);
    long fired = 0;
    for (FeatureSnapshot snapshot : stream) {
      fired += engine.evaluate(snapshot).size();
    }
    return fired;
  }

  /** Rules cycling through the templates, with thresholds 1.5 to 3 standard deviations out: most evaluations are
   * false, as with real rules, so the figure is the evaluation cost rather than signal building. */
  private static List<CompiledRule> rules(RuleCompiler compiler, int count) {
    double[][] thresholds = {{0.015, 0.02, 0.025}, {0, 5, 10}, {0.5, 0.55, 0.6}, {0.015, 0.02, 0.025},
        {100, 110, 120}};
    List<CompiledRule> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int t = i % TEMPLATES.length;
      String condition = String.format(Locale.ROOT, TEMPLATES[t], thresholds[t][(i / TEMPLATES.length) % 3]);
      out.add(compiler.compile(new Rule("bench_" + i, condition, 1, 0.5, 1_000 * (i % 4), true, 1)));
    }
    return out;
  }
}
