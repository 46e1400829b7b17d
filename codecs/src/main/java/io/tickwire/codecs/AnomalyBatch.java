package io.tickwire.codecs;

import java.util.List;

/** Anomalies. The list is an immutable copy. */
public record AnomalyBatch(List<Anomaly> items) implements Batch<Anomaly> {
  public AnomalyBatch {
    items = List.copyOf(items);
  }
}
