package io.tickwire.cluster;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import io.tickwire.flow.Addresses;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;

/**
 * Tells this node's links at once when a cluster member leaves, so batches in flight to it are sent again to whoever
 * takes its place instead of waiting out {@code pipeline.send_timeout_ms}. Hazelcast reports a killed member as soon
 * as its socket closes (otherwise after the heartbeat timeout); the notice is a node-local publish on
 * {@link Addresses#MEMBER_LEFT}, read by every {@code flow/CreditSender}.
 *
 * <p>A Hazelcast listener of its own rather than the Vert.x cluster manager's node listener: the cluster manager
 * holds a single node listener, which Vert.x itself uses.
 */
final class MemberDepartures implements MembershipListener {
  private static final System.Logger LOG = System.getLogger(MemberDepartures.class.getName());
  private static final DeliveryOptions LOCAL = new DeliveryOptions().setLocalOnly(true);

  private final Vertx vertx;

  private MemberDepartures(Vertx vertx) {
    this.vertx = vertx;
  }

  /** Starts telling {@code member}'s links about departures. */
  static void watch(Clustering.Member member) {
    member.manager().getHazelcastInstance().getCluster().addMembershipListener(new MemberDepartures(member.vertx()));
  }

  @Override
  public void memberAdded(MembershipEvent event) {
    // a joining member changes nothing in flight
  }

  @Override
  public void memberRemoved(MembershipEvent event) {
    if (event.getMember().isLiteMember()) {
      return; // a watcher (tickwire tail) consumes no lossless link: nothing of ours was in flight to it
    }
    String nodeId = event.getMember().getUuid().toString();
    LOG.log(System.Logger.Level.WARNING, "cluster member {0} left; unacknowledged batches are sent again", nodeId);
    vertx.eventBus().publish(Addresses.MEMBER_LEFT, nodeId, LOCAL);
  }
}
