package io.tickwire.codecs;

import java.util.List;

/** Consolidated spot mid samples. The list is an immutable copy. */
public record SpotMidBatch(List<SpotMid> items) implements Batch<SpotMid> {
  public SpotMidBatch {
    items = List.copyOf(items);
  }
}
