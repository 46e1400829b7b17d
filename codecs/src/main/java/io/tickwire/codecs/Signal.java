package io.tickwire.codecs;

import java.util.Map;
import java.util.Objects;

/**
 * A signal a rule or model emitted for a symbol at {@code ts} (epoch microseconds). {@code meta} holds JSON
 * values (strings, numbers, booleans, objects, lists), e.g. {@code {"rule_version":3,"price":65000.1,
 * "features":{"rsi_14":24.6}}}; it is an immutable deep copy in key order.
 */
public record Signal(
    String provider, String symbol, long ts, String name, double value, double score, Map<String, ?> meta) {
  public Signal {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(name, "name");
    meta = JsonValues.copyObject(meta);
  }
}
