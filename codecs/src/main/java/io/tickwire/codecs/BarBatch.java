package io.tickwire.codecs;

import java.util.List;

/** Bars, closed or revised. The list is an immutable copy. */
public record BarBatch(List<Bar> items) implements Batch<Bar> {
  public BarBatch {
    items = List.copyOf(items);
  }
}
