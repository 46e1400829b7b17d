package io.tickwire.cluster;

import io.tickwire.batcher.PartitionHost;
import io.tickwire.health.ComponentHealth;
import io.tickwire.health.HealthRegistry;
import io.tickwire.health.HealthReports;
import io.tickwire.health.StageContext;
import io.tickwire.metrics.Metrics;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.shareddata.Lock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which partitions this compute node owns in the cluster. One cluster-wide lock per partition
 * ({@code tickwire.partition.<p>}) makes its owner unique; Hazelcast releases a dead member's locks, which is how
 * a dead node's partitions become free. Every {@code cluster.rebalance_interval_ms} the node counts the live
 * compute nodes N ({@link ComputeNodes}) and aims at ceil(P / N) partitions ({@link PartitionShare}): it releases
 * the extra ones, or tries the locks of the others until it has its share.
 *
 * <p>Taking a partition: its host (the batcher {@code p % instances}) rebuilds it from the router's journal, then
 * consumes it live; a takeover that fails releases the lock again. Releasing in a rebalance stops the consumer and
 * drops the state without a flush, as the next owner rebuilds it from the journal and emits the same bars; when the
 * node stops, its partitions are released with a flush (the last bars of a finite stream come from there).
 *
 * <p>Lock calls block inside Hazelcast; the Vert.x cluster manager runs them on a worker, so this verticle's event
 * loop only composes futures. Rounds never overlap: a round still taking partitions delays the next.
 *
 * <p>Readiness: the node is ready once it owns its share, or no free partition is left for it.
 */
public final class PartitionOwnership extends VerticleBase {
  static final String LOCK_PREFIX = "tickwire.partition.";
  static final String COMPONENT = "partitions";
  /** A lock held by another node answers within this; it is tried again next round. */
  private static final long LOCK_TRY_MS = 10;
  private static final System.Logger LOG = System.getLogger(PartitionOwnership.class.getName());

  private final Clustering.Member member;
  private final int partitions;
  private final long intervalMs;
  private final List<? extends PartitionHost> hosts;
  private final HealthRegistry health;
  private final Metrics metrics;
  private final ComputeNodes computeNodes;
  private final Map<Integer, Lock> owned = new TreeMap<>();
  /** {@link #owned}'s keys, for readers on other threads. */
  private volatile List<Integer> ownedNow = List.of();
  private Future<Void> round = Future.succeededFuture();
  private long timer = -1;
  private long healthTimer = -1;
  private int target;
  private int liveNodes;
  private long takeovers;
  private long releases;
  private long lastTakeMs;

  /** @param hosts the node's batchers; partition {@code p} goes to {@code hosts.get(p % hosts.size())} */
  public PartitionOwnership(Clustering.Member member, StageContext context, List<? extends PartitionHost> hosts) {
    this.member = member;
    this.partitions = context.settings().pipeline().partitions();
    this.intervalMs = context.settings().cluster().ownership().rebalanceIntervalMs();
    this.hosts = List.copyOf(hosts);
    this.health = context.health();
    this.metrics = context.metrics();
    this.computeNodes = new ComputeNodes(member);
  }

  @Override
  public Future<?> start() {
    metrics.gauge(Metrics.PARTITIONS_OWNED, "Partitions this compute node owns", () -> ownedNow.size());
    health.notReady(COMPONENT, "joining the compute nodes");
    healthTimer = HealthReports.every(vertx, health, this::healthNow);
    return computeNodes.join().onSuccess(v -> {
      timer = vertx.setPeriodic(1, intervalMs, id -> nextRound());
    });
  }

  /** Stops rebalancing, then hands every partition back with its last bars. */
  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    vertx.cancelTimer(healthTimer);
    health.notReady(COMPONENT, "stopping");
    return round.eventually(this::releaseAll).eventually(computeNodes::leave)
        .onComplete(v -> logOwned("stopped"));
  }

  private void nextRound() {
    if (round.isComplete()) {
      round = rebalance().recover(e -> {
        LOG.log(System.Logger.Level.WARNING, "partition rebalance failed (tried again in {0} ms): {1}", intervalMs,
            e.getMessage());
        return Future.succeededFuture();
      });
    }
  }

  private Future<Void> rebalance() {
    return computeNodes.live().compose(nodes -> {
      liveNodes = nodes;
      target = PartitionShare.target(partitions, nodes);
      if (owned.size() > target) {
        return releaseExtra();
      }
      return owned.size() < target ? acquire() : reachedShare();
    });
  }

  private Future<Void> reachedShare() {
    health.ready(COMPONENT);
    return Future.succeededFuture();
  }

  /** Drops the partitions over the target, without a flush: the next owner rebuilds them from the journal. */
  private Future<Void> releaseExtra() {
    List<Integer> extra = PartitionShare.extra(owned.keySet(), target);
    List<Future<Void>> released = new ArrayList<>();
    for (int p : extra) {
      released.add(release(p, false));
    }
    return Future.all(released).onSuccess(v -> logOwned("released " + extra)).compose(v -> reachedShare());
  }

  /** Tries the free partitions' locks until the share is reached, then takes over the ones it got. */
  private Future<Void> acquire() {
    List<Integer> candidates = PartitionShare.candidates(owned.keySet(), partitions, Math.floorMod(
        member.nodeId().hashCode(), partitions));
    long started = System.nanoTime();
    int wanted = target - owned.size();
    return lockUpTo(candidates, 0, wanted, new LinkedHashMap<>()).compose(locked -> {
      // Fewer locks than wanted means every other partition is owned elsewhere: this node has what it can get.
      boolean noneLeft = locked.size() < wanted;
      if (locked.isEmpty()) {
        return reachedShare();
      }
      List<Future<Void>> taken = new ArrayList<>();
      locked.forEach((p, lock) -> taken.add(take(p, lock)));
      return Future.join(taken).<Void>mapEmpty().recover(e -> Future.succeededFuture()).onComplete(v -> {
        lastTakeMs = (System.nanoTime() - started) / 1_000_000;
        logOwned("took " + locked.keySet() + " in " + lastTakeMs + " ms");
        if (owned.size() >= target || noneLeft) {
          health.ready(COMPONENT);
        }
      });
    });
  }

  /** Locks candidates in order, one at a time, until {@code wanted} are held or none is left to try. */
  private Future<Map<Integer, Lock>> lockUpTo(List<Integer> candidates, int next, int wanted,
      Map<Integer, Lock> locked) {
    if (locked.size() >= wanted || next >= candidates.size()) {
      return Future.succeededFuture(locked);
    }
    int p = candidates.get(next);
    return vertx.sharedData().getLockWithTimeout(LOCK_PREFIX + p, LOCK_TRY_MS).map(lock -> {
      locked.put(p, lock);
      return locked;
    }).recover(heldElsewhere -> Future.succeededFuture(locked))
        .compose(v -> lockUpTo(candidates, next + 1, wanted, locked));
  }

  private Future<Void> take(int p, Lock lock) {
    return host(p).take(p).onSuccess(v -> {
      owned.put(p, lock);
      takeovers++;
    }).onFailure(e -> {
      LOG.log(System.Logger.Level.WARNING, "taking partition {0} failed; releasing it: {1}", p, e.getMessage());
      lock.release();
    });
  }

  /** Stops consuming {@code p} (flushing its windows or not), then frees its lock for the next owner. */
  private Future<Void> release(int p, boolean flush) {
    Lock lock = owned.remove(p);
    return host(p).release(p, flush).onComplete(v -> {
      lock.release();
      releases++;
    });
  }

  private Future<Void> releaseAll() {
    List<Future<Void>> released = new ArrayList<>();
    for (int p : List.copyOf(owned.keySet())) {
      released.add(release(p, true));
    }
    return Future.join(released).mapEmpty();
  }

  private PartitionHost host(int p) {
    return hosts.get(p % hosts.size());
  }

  private void logOwned(String change) {
    ownedNow = List.copyOf(owned.keySet());
    LOG.log(System.Logger.Level.INFO, "partitions owned: {0} (target {1}, {2} compute nodes); {3}", owned.keySet(),
        target, liveNodes, change);
    health.report(healthNow());
  }

  private ComponentHealth healthNow() {
    Map<String, Number> gauges = new LinkedHashMap<>();
    gauges.put("owned", owned.size());
    gauges.put("target", target);
    gauges.put("compute_nodes", liveNodes);
    gauges.put("takeovers", takeovers);
    gauges.put("releases", releases);
    gauges.put("last_takeover_ms", lastTakeMs);
    return ComponentHealth.ok(COMPONENT, "owns " + owned.keySet() + " of " + partitions + " (target " + target
        + " with " + liveNodes + " compute nodes)", gauges);
  }

  /** The partitions this node owns, as of the last change; readable from any thread. */
  public List<Integer> owned() {
    return ownedNow;
  }
}
