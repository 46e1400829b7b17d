package io.tickwire.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** How many partitions a compute node aims at, and which it gives up or tries first: pure arithmetic, no cluster. */
final class PartitionShare {
  private PartitionShare() {
  }

  /** ceil(partitions / computeNodes): with N live compute nodes, each aims at this many. */
  static int target(int partitions, int computeNodes) {
    int nodes = Math.max(1, computeNodes);
    return (partitions + nodes - 1) / nodes;
  }

  /** The partitions over {@code target} to release: the highest numbered (any would do; a fixed rule reads easier). */
  static List<Integer> extra(Set<Integer> owned, int target) {
    List<Integer> sorted = new ArrayList<>(owned);
    sorted.sort(null);
    List<Integer> extra = new ArrayList<>(sorted.subList(Math.min(target, sorted.size()), sorted.size()));
    java.util.Collections.reverse(extra);
    return extra;
  }

  /**
   * The partitions this node does not own, in the order it tries their locks: starting at {@code offset} and
   * wrapping, so nodes starting together do not all contend for partition 0 first.
   */
  static List<Integer> candidates(Set<Integer> owned, int partitions, int offset) {
    List<Integer> out = new ArrayList<>(partitions);
    for (int i = 0; i < partitions; i++) {
      int p = Math.floorMod(offset + i, partitions);
      if (!owned.contains(p)) {
        out.add(p);
      }
    }
    return out;
  }
}
