package io.tickwire.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.config.Settings;
import io.tickwire.testing.Await;
import io.tickwire.testing.FreePorts;
import io.tickwire.testing.Pipelines;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.Lock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two clustered members in one JVM, on loopback: the first to claim the ingest role holds it; the second is refused
 * with a message saying why, and gets it once the first has left the cluster.
 */
// Two joins and a departure; minutes means the cluster is stuck.
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class IngestLockTest {
  private final String name = "ingest-" + UUID.randomUUID();
  private final List<Integer> ports = FreePorts.loopback(2);
  private final List<Vertx> started = new ArrayList<>();

  @AfterEach
  void leave() {
    for (Vertx vertx : started) {
      Await.result(vertx.close().recover(e -> Future.succeededFuture()));
    }
  }

  private Clustering.Member member(int port) throws Exception {
    Vertx config = Vertx.vertx();
    Settings settings;
    try {
      settings = Pipelines.settings(config, List.of("cluster.name=" + name, "cluster.port=" + port,
          "cluster.members=" + FreePorts.members(ports)));
    } finally {
      Await.result(config.close());
    }
    Clustering.Member member = Clustering.join(settings.cluster(), false);
    started.add(member.vertx());
    return member;
  }

  @Test
  void aSecondIngestNodeIsRefusedUntilTheFirstLeaves() throws Exception {
    Clustering.Member first = member(ports.get(0));
    Clustering.Member second = member(ports.get(1));
    Await.until(() -> second.nodes().size() == 2, Duration.ofSeconds(60), "both members in the cluster");

    Lock held = Await.result(IngestLock.acquire(first, name, 1_000));
    assertThat(held).isNotNull();

    Throwable refused = Await.result(IngestLock.acquire(second, name, 1_000).map(lock -> (Throwable) null)
        .recover(Future::succeededFuture));
    assertThat(refused).as("the second ingest node is refused").isNotNull();
    assertThat(refused.getMessage()).contains("cluster '" + name + "'", "already carries the ingest role",
        "tickwire.ingest", "one ingest node");

    Await.result(first.vertx().close()); // leaving the cluster frees the lock
    started.remove(first.vertx());
    assertThat(Await.result(IngestLock.acquire(second, name, 30_000))).as("the role passes on once it is free")
        .isNotNull();
  }
}
