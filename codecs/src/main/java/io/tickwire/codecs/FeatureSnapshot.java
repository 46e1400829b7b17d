package io.tickwire.codecs;

import java.util.Map;
import java.util.Objects;

/**
 * The rolling features of one (venue, symbol) at a bar close. A feature without enough history is absent
 * from {@code features}, never zero. {@code features} is an immutable copy; iteration order is by name.
 */
public record FeatureSnapshot(String venue, String symbol, long ts, double price, Map<String, Double> features) {
  public FeatureSnapshot {
    Objects.requireNonNull(venue, "venue");
    Objects.requireNonNull(symbol, "symbol");
    features = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(features));
  }
}
