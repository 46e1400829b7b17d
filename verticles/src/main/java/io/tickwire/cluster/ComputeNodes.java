package io.tickwire.cluster;

import io.vertx.core.Future;
import io.vertx.core.shareddata.AsyncMap;
import java.util.HashSet;
import java.util.Set;

/**
 * The compute nodes of the cluster that are alive: the ids compute nodes register in a cluster-wide map, intersected
 * with the cluster manager's members. A node that died stays in the map (nobody removed it) but not among the
 * members, so it no longer counts; a node that stops cleanly removes itself.
 */
final class ComputeNodes {
  static final String MAP = "tickwire.compute-nodes";

  private final Clustering.Member member;
  private AsyncMap<String, Boolean> registered;

  ComputeNodes(Clustering.Member member) {
    this.member = member;
  }

  /** Registers this node as a compute node. */
  Future<Void> join() {
    return member.vertx().sharedData().<String, Boolean>getAsyncMap(MAP).compose(map -> {
      registered = map;
      return map.put(member.nodeId(), true);
    });
  }

  /** How many registered compute nodes are members now (this one at least). */
  Future<Integer> live() {
    return registered.keys().map(ids -> {
      Set<String> alive = new HashSet<>(ids);
      alive.retainAll(member.nodes());
      alive.add(member.nodeId());
      return alive.size();
    });
  }

  Future<Void> leave() {
    return registered == null ? Future.succeededFuture() : registered.remove(member.nodeId()).mapEmpty();
  }
}
