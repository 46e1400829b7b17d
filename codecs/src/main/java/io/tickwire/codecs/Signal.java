package io.tickwire.codecs;

import java.util.Map;
import java.util.Objects;

/** A signal a rule or model emitted for a symbol at {@code ts} (epoch microseconds). */
public record Signal(
    String provider, String symbol, long ts, String name, double value, double score, Map<String, String> meta) {
  public Signal {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(name, "name");
    meta = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(meta));
  }
}
