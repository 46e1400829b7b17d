package io.tickwire.codecs;

import java.util.Objects;

/**
 * Bad or suspicious data seen on a feed: {@code type} is a short lowercase name (schema_drift, duplicate,
 * out_of_order, sequence_gap, ...), {@code detail} the human-readable reason, {@code measure} the size of it
 * (gap length, latency in ms, deviation) or NaN when there is none.
 */
public record Anomaly(String venue, String symbol, String type, long ts, String detail, double measure) {
  public Anomaly {
    Objects.requireNonNull(venue, "venue");
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(detail, "detail");
  }
}
