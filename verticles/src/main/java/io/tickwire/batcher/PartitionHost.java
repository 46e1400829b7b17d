package io.tickwire.batcher;

import io.vertx.core.Future;

/** Where a node's partition ownership puts the partitions it holds: a batcher that can take and release them. */
public interface PartitionHost {
  /** Rebuilds partition {@code p} from the router's journal, then consumes it live. */
  Future<Void> take(int partition);

  /**
   * Stops consuming {@code p}. {@code flush}: emit its open windows first (the node is stopping); otherwise drop its
   * state (a rebalance: the next owner rebuilds it from the journal and emits the same bars).
   */
  Future<Void> release(int partition, boolean flush);
}
