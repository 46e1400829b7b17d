package io.tickwire.inference;

import io.tickwire.codecs.FeatureSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Feature snapshots for inference tests. Time is epoch microseconds; one snapshot per second per symbol. */
final class Snapshots {
  static final List<String> FEATURES = List.of("momentum_1m", "rsi_14", "vol_5m", "ret_30s");
  static final long SECOND = 1_000_000L;

  private Snapshots() {
  }

  static FeatureSnapshot rsi(String symbol, long second, double rsi) {
    return new FeatureSnapshot("sim", symbol, second * SECOND, 100.0 + second, Map.of("rsi_14", rsi));
  }

  static FeatureSnapshot empty(String symbol, long second) {
    return new FeatureSnapshot("sim", symbol, second * SECOND, 100.0, Map.of());
  }

  /** A seeded random walk over several symbols, with features sometimes absent as at start-up. */
  static List<FeatureSnapshot> randomStream(long seed, int count, int symbols) {
    Random random = new Random(seed);
    List<FeatureSnapshot> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String symbol = "SYM" + (i % symbols);
      long second = i / symbols;
      Map<String, Double> features = new java.util.HashMap<>();
      for (String name : FEATURES) {
        if (random.nextInt(20) != 0) {
          features.put(name, value(name, random));
        }
      }
      out.add(new FeatureSnapshot(i % 3 == 0 ? "kraken" : "sim", symbol, second * SECOND,
          100 + random.nextGaussian(), features));
    }
    return out;
  }

  private static double value(String name, Random random) {
    return switch (name) {
      case "rsi_14" -> 50 + 30 * random.nextGaussian();
      case "vol_5m" -> Math.abs(0.3 + 0.1 * random.nextGaussian());
      default -> 0.01 * random.nextGaussian();
    };
  }
}
