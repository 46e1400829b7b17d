package io.tickwire.router;

import io.tickwire.codecs.MarketEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * The router's partitioning step: each event goes to its (venue, symbol)'s partition, stamped with that partition's
 * next sequence number, and is gathered there until the partition's events are taken as one batch. One instance
 * sequences every partition, which is what makes {@code seq} monotonic per partition. Not thread-safe: the router's
 * event loop only.
 */
public final class PartitionSequencer {
  private final long[] nextSeq;
  private final List<List<MarketEvent>> gathered;

  public PartitionSequencer(int partitions) {
    this.nextSeq = new long[partitions];
    this.gathered = new ArrayList<>(partitions);
    for (int p = 0; p < partitions; p++) {
      gathered.add(null);
    }
  }

  public int partitions() {
    return nextSeq.length;
  }

  /** The last sequence number given out per partition; live, shared with the journal that replays them. */
  long[] lastSequenceNumbers() {
    return nextSeq;
  }

  public int partitionOf(MarketEvent event) {
    return Partitioner.partition(event.venue(), event.symbol(), nextSeq.length);
  }

  /** Stamps {@code event} with partition {@code p}'s next sequence number and gathers it; returns the stamped copy. */
  public MarketEvent append(int p, MarketEvent event) {
    List<MarketEvent> events = gathered.get(p);
    if (events == null) {
      events = new ArrayList<>();
      gathered.set(p, events);
    }
    MarketEvent sequenced = event.withSeq(++nextSeq[p]);
    events.add(sequenced);
    return sequenced;
  }

  /** The events gathered for partition {@code p} since the last take, or null when there are none. */
  public List<MarketEvent> take(int p) {
    List<MarketEvent> events = gathered.get(p);
    gathered.set(p, null);
    return events;
  }
}
