package io.tickwire.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The bench's 20 rules, written as a seed file. Fifteen are shaped like real rules over the features (thresholds
 * a few standard deviations out, so they rarely fire: the cost is evaluation); five turn on and off with the last
 * digits of the price and have no cooldown, so (rules fire when their condition turns true) a good share of the bar
 * closes of every symbol yield signals, whose latency the bench measures.
 */
public final class BenchRules {
  static final int COUNT = 20;
  static final int FLIPPING = 5;
  private static final String[] TEMPLATES = {
      "momentum_1m > %s",
      "rsi_14 < %s && momentum_1m > -0.02",
      "vol_5m > %s || (venue == 'kraken' && rsi_14 > 60.0)",
      "ret_30s > %s && price > 99.0",
      "rsi_14 > %s && symbol != 'SYM3'"};
  private static final double[][] THRESHOLDS = {{0.015, 0.02, 0.025}, {0, 5, 10}, {0.5, 0.55, 0.6},
      {0.015, 0.02, 0.025}, {100, 110, 120}};

  private BenchRules() {
  }

  /** Writes the rules to {@code dir}/bench-rules.yaml and returns the file. */
  static Path write(Path dir) throws IOException {
    StringBuilder yaml = new StringBuilder("rules:\n");
    for (int i = 0; i < COUNT - FLIPPING; i++) {
      rule(yaml, "bench_" + i, realistic(i), realisticCooldownMs(i));
    }
    for (int i = 0; i < FLIPPING; i++) {
      rule(yaml, "bench_flip_" + i, "int(price * 100.0) % " + (i + 2) + " == 0", 0);
    }
    return Files.writeString(dir.resolve("bench-rules.yaml"), yaml);
  }

  /**
   * The {@code i}-th realistic condition: five templates over momentum, RSI, volatility and return, with thresholds
   * 1.5 to 3 standard deviations out, so most evaluations are false (shared with the JMH rule benchmark).
   */
  public static String realistic(int i) {
    int t = i % TEMPLATES.length;
    return String.format(Locale.ROOT, TEMPLATES[t], THRESHOLDS[t][(i / TEMPLATES.length) % 3]);
  }

  /** The cooldown of the {@code i}-th realistic rule: 0 to 3 s. */
  public static long realisticCooldownMs(int i) {
    return 1_000L * (i % 4);
  }

  private static void rule(StringBuilder yaml, String name, String condition, long cooldownMs) {
    yaml.append("  - {name: ").append(name).append(", condition: \"").append(condition)
        .append("\", signal: 1, score: 0.5, cooldown_ms: ").append(cooldownMs).append("}\n");
  }
}
