package io.tickwire.cluster;

import io.vertx.core.Future;
import io.vertx.core.shareddata.Lock;

/**
 * One ingest node per cluster, enforced: its router alone numbers every partition's events and keeps the journal
 * the compute nodes rebuild from, so a second router would give each partition two writers. A node with the ingest
 * role holds the cluster lock {@code tickwire.ingest} for as long as it is a member; Hazelcast frees it when the node
 * leaves or dies. A second ingest node that cannot get it within the wait refuses to start, saying why: an
 * {@link IllegalArgumentException}, since the node's roles do not fit the cluster, which {@code tickwire run}
 * reports as a configuration error (exit code 2) rather than a crash.
 *
 * <p>The wait covers a restart after a crash: the dead member's lock is freed once the cluster declares it dead
 * (at once when its socket closes, else after the heartbeat timeout, 5 s in conf/cluster.xml).
 */
public final class IngestLock {
  static final String NAME = "tickwire.ingest";
  /** Longer than the heartbeat timeout, so a crashed predecessor's lock is free by then. */
  public static final long WAIT_MS = 10_000;

  private IngestLock() {
  }

  /** The lock, held until this member leaves the cluster; fails naming the reason when another node holds it. */
  public static Future<Lock> acquire(Clustering.Member member, String clusterName, long waitMs) {
    return member.vertx().sharedData().getLockWithTimeout(NAME, waitMs).recover(e -> Future.failedFuture(
        new IllegalArgumentException("another node of cluster '" + clusterName + "' already carries the ingest role"
            + " (it holds the cluster lock " + NAME + ", not freed within " + waitMs + " ms): a cluster runs one"
            + " ingest node, whose router alone numbers every partition's events; start this node without the"
            + " ingest role, or stop the other one first")));
  }
}
