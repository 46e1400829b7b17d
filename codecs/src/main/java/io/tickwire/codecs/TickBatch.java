package io.tickwire.codecs;

import java.util.List;

/** Market events for one partition (`partition` is -1 before the router assigns one). The list is an immutable copy. */
public record TickBatch(int partition, List<MarketEvent> items) implements Batch<MarketEvent> {
  /** Not yet partitioned: what connectors send to the router. */
  public static final int UNPARTITIONED = -1;

  public TickBatch {
    if (partition < UNPARTITIONED) {
      throw new IllegalArgumentException("partition must be >= -1, was " + partition);
    }
    items = List.copyOf(items);
  }
}
