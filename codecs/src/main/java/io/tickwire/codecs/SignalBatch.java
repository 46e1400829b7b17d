package io.tickwire.codecs;

import java.util.List;

/** Signals. The list is an immutable copy. */
public record SignalBatch(List<Signal> items) implements Batch<Signal> {
  public SignalBatch {
    items = List.copyOf(items);
  }
}
