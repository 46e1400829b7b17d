package io.tickwire.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.batcher.PartitionHost;
import io.tickwire.config.Settings;
import io.tickwire.health.HealthRegistry;
import io.tickwire.testing.Await;
import io.tickwire.testing.FreePorts;
import io.tickwire.testing.Pipelines;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two clustered Vert.x members in one JVM, on loopback, each with a partition ownership over hosts that only record
 * what they are asked to take and release: the partitions split, and a member that dies leaves its partitions to
 * the other.
 */
// Two joins, two rebalances and a failure detection; several minutes means the cluster is stuck.
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class PartitionOwnershipTest {
  private static final int PARTITIONS = 16;
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final String name = "own-" + UUID.randomUUID();
  private final List<Integer> ports = FreePorts.loopback(2);
  private final List<Vertx> started = new ArrayList<>();

  /** A host that holds what it was given. */
  static final class RecordingHost implements PartitionHost {
    final Set<Integer> held = ConcurrentHashMap.newKeySet();
    final List<String> calls = java.util.Collections.synchronizedList(new ArrayList<>());

    @Override
    public Future<Void> take(int partition) {
      calls.add("take " + partition);
      held.add(partition);
      return Future.succeededFuture();
    }

    @Override
    public Future<Void> release(int partition, boolean flush) {
      calls.add("release " + partition + (flush ? " flushed" : ""));
      held.remove(partition);
      return Future.succeededFuture();
    }
  }

  private record ComputeNode(Clustering.Member member, RecordingHost host, HealthRegistry health) {
  }

  private ComputeNode computeNode(int port) throws Exception {
    Vertx config = Vertx.vertx();
    Settings settings;
    try {
      settings = Pipelines.settings(config, List.of("cluster.name=" + name, "cluster.port=" + port,
          "cluster.members=" + FreePorts.members(ports), "pipeline.partitions=" + PARTITIONS,
          "cluster.rebalance_interval_ms=100"));
    } finally {
      Await.result(config.close());
    }
    Clustering.Member member = Clustering.join(settings.cluster(), false);
    started.add(member.vertx());
    RecordingHost host = new RecordingHost();
    HealthRegistry health = new HealthRegistry();
    Await.result(member.vertx().deployVerticle(new PartitionOwnership(member, Pipelines.context(settings, health),
        List.of(host))));
    return new ComputeNode(member, host, health);
  }

  @AfterEach
  void leave() {
    for (Vertx vertx : started) {
      try {
        Await.result(vertx.close());
      } catch (RuntimeException alreadyGone) {
        // a member the test killed
      }
    }
  }

  @Test
  void partitionsSplitBetweenTwoComputeNodesAndTheSurvivorTakesADeadNodesShare() throws Exception {
    ComputeNode a = computeNode(ports.get(0));
    Await.until(() -> a.host().held.size() == PARTITIONS, WAIT, "the only compute node owning every partition");
    Await.until(() -> a.health().waitingFor().isEmpty(), WAIT, "the first node ready");

    ComputeNode b = computeNode(ports.get(1));
    Await.until(() -> a.host().held.size() == 8 && b.host().held.size() == 8, WAIT, "8 partitions each");
    Set<Integer> union = new HashSet<>(a.host().held);
    union.addAll(b.host().held);
    assertThat(union).hasSize(PARTITIONS);
    assertThat(a.host().calls).filteredOn(c -> c.startsWith("release")).hasSize(8)
        .allSatisfy(c -> assertThat(c).doesNotContain("flushed"));
    Await.until(() -> b.health().waitingFor().isEmpty(), WAIT, "the second node ready once it owns its share");

    long killed = System.nanoTime();
    b.member().manager().getHazelcastInstance().getLifecycleService().terminate(); // no goodbye: like kill -9
    Await.until(() -> a.host().held.size() == PARTITIONS, WAIT, "the survivor owning every partition again");
    System.out.printf("survivor took the dead node's partitions %d ms after it died%n",
        (System.nanoTime() - killed) / 1_000_000);
  }
}
