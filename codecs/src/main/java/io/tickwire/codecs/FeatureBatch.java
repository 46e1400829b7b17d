package io.tickwire.codecs;

import java.util.List;

/** Feature snapshots. The list is an immutable copy. */
public record FeatureBatch(List<FeatureSnapshot> items) implements Batch<FeatureSnapshot> {
  public FeatureBatch {
    items = List.copyOf(items);
  }
}
