package io.tickwire.feature;

import io.tickwire.codecs.Bar;
import io.tickwire.codecs.FeatureSnapshot;
import io.tickwire.config.FeatureWindow;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** The configured rolling features of one (venue, symbol), advanced one closed base bar at a time. */
final class SymbolFeatures {
  private final Map<String, RollingFeature> features = new LinkedHashMap<>();
  private long lastStart = Long.MIN_VALUE;

  SymbolFeatures(List<FeatureWindow> windows, long baseIntervalMillis) {
    for (FeatureWindow window : windows) {
      features.put(window.name(), RollingFeatures.create(window, baseIntervalMillis));
    }
  }

  /**
   * Whether {@code bar} follows the bars already folded in. A bar at or before the last one (a duplicate
   * delivery, a replay overlapping live data) would otherwise be counted twice in every window.
   */
  boolean follows(Bar bar) {
    return bar.start() > lastStart;
  }

  /** Folds {@code bar} into every feature and returns the snapshot at its close. */
  FeatureSnapshot onBar(Bar bar) {
    lastStart = bar.start();
    Map<String, Double> values = new HashMap<>();
    for (Map.Entry<String, RollingFeature> entry : features.entrySet()) {
      RollingFeature feature = entry.getValue();
      feature.add(bar);
      OptionalDouble value = feature.value();
      // a non-finite value (a zero or negative close let through upstream) is as unknown as missing history
      if (value.isPresent() && Double.isFinite(value.getAsDouble())) {
        values.put(entry.getKey(), value.getAsDouble());
      }
    }
    return new FeatureSnapshot(bar.venue(), bar.symbol(), bar.end(), bar.close(), values);
  }
}
