package io.tickwire.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.config.ClusterSettings;
import io.tickwire.config.Role;
import io.tickwire.metrics.Metrics;
import io.tickwire.testing.Await;
import io.tickwire.testing.FreePorts;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two members joined as {@code tickwire run --cluster} joins, each with its own metrics: a lossless batch crossing
 * nodes (request, then the acknowledgement on a reply address) shows as remote traffic in both nodes' meters.
 */
// Two joins and a few round trips; several minutes means the cluster is stuck.
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ClusteredMetricsTest {
  private static final String INBOX = "md.ingress#router";
  private final List<Integer> ports = FreePorts.loopback(2);

  /** A member of cluster {@code name} listening on {@code port}, one of this test's {@link #ports}. */
  private ClusterSettings settings(String name, int port) {
    return new ClusterSettings(name, ports.stream().map(FreePorts::member).toList(), "127.0.0.1", port,
        "127.0.0.1", 0, null, null, 30_000, EnumSet.allOf(Role.class), new ClusterSettings.Ownership(500, 4096), null);
  }

  @Test
  void eventBusTrafficBetweenMembersIsMeteredOnBothSides() throws Exception {
    String name = "metrics-" + UUID.randomUUID();
    Metrics senderMetrics = new Metrics();
    Metrics receiverMetrics = new Metrics();
    Clustering.Member sender = Clustering.join(settings(name, ports.get(0)), false, senderMetrics);
    try {
      Clustering.Member receiver = Clustering.join(settings(name, ports.get(1)), false, receiverMetrics);
      try {
        Await.until(() -> sender.nodes().size() == 2, Duration.ofSeconds(30), "two members");
        Await.result(receiver.vertx().eventBus().consumer(INBOX, m -> m.reply("ack")).completion());
        // The subscription reaches the sender's view of the cluster asynchronously.
        Await.until(() -> Await.result(sender.vertx().eventBus().request(INBOX, "batch").map(true)
            .otherwise(false)), Duration.ofSeconds(30), "the inbox reachable from the sender");
        for (int i = 0; i < 4; i++) {
          Await.result(sender.vertx().eventBus().request(INBOX, "batch"));
        }

        String sent = senderMetrics.scrape();
        String received = receiverMetrics.scrape();
        assertThat(sent).contains("vertx_eventbus_sent_total{address=\"" + INBOX + "\",side=\"remote\"}",
            "vertx_eventbus_bytes_written_count{address=\"" + INBOX + "\"}");
        assertThat(received).contains("vertx_eventbus_received_total{address=\"" + INBOX + "\",side=\"remote\"}",
            "vertx_eventbus_processed_total{address=\"" + INBOX + "\",side=\"remote\"}",
            "vertx_eventbus_bytes_read_count{address=\"" + INBOX + "\"}");
        assertThat(sent + received).as("acknowledgements travel on reply addresses, never labels")
            .doesNotContain("__vertx");
      } finally {
        Await.result(receiver.vertx().close());
      }
    } finally {
      Await.result(sender.vertx().close());
    }
  }
}
