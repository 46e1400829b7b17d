package io.tickwire.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickwire.config.Role;
import io.tickwire.config.Settings;
import io.tickwire.testing.Await;
import io.tickwire.testing.HttpProbe;
import io.tickwire.testing.Pipelines;
import io.tickwire.web.OpsVerticle;
import io.tickwire.web.WebVerticle;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A node without the web role (here compute only) still serves {@code /live}, {@code /health}, {@code /ready} and
 * {@code /metrics} over real HTTP on loopback, and nothing else; {@code /ready} goes 503 the moment the node starts
 * stopping, while {@code /live}, {@code /health} and {@code /metrics} keep answering until the server closes last.
 */
@ExtendWith(VertxExtension.class)
class OpsEndpointsNodeTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  /** Compute only and no inference, so no database: the node has batchers and features, nothing else. */
  private static Settings settings(Vertx vertx) {
    return Pipelines.settings(vertx, List.of("inference.enabled=false"));
  }

  @Test
  void aComputeOnlyNodeServesHealthReadyAndMetricsAndNoApi(Vertx vertx) {
    Node node = Node.local(vertx, settings(vertx), EnumSet.of(Role.COMPUTE)).build();
    Await.result(node.start());
    try {
      assertThat(node.stages()).noneMatch(WebVerticle.class::isInstance);
      assertThat(node.stages().get(0)).as("the HTTP server is deployed first, so it stops last")
          .isInstanceOf(OpsVerticle.class);
      int port = ((OpsVerticle) node.stages().get(0)).actualPort();

      Await.until(() -> HttpProbe.get(port, "/health").body().contains("\"batcher.0\""), WAIT,
          "the batchers' health reports");
      HttpProbe.Reply health = HttpProbe.get(port, "/health");
      assertThat(health.status()).isEqualTo(200);
      assertThat(health.contentType()).isEqualTo("application/json");
      assertThat(health.json().getString("status")).isEqualTo("ok");
      assertThat(health.json().getJsonArray("components").stream().map(c -> ((JsonObject) c).getString("name")))
          .contains("batcher.0", "features");

      HttpProbe.Reply ready = HttpProbe.get(port, "/ready");
      assertThat(ready.status()).isEqualTo(200);
      assertThat(ready.json()).isEqualTo(new JsonObject().put("status", "ready"));

      HttpProbe.Reply live = HttpProbe.get(port, "/live");
      assertThat(live.status()).isEqualTo(200);
      assertThat(live.contentType()).isEqualTo("application/json");
      assertThat(live.json()).isEqualTo(new JsonObject().put("status", "live"));

      HttpProbe.Reply metrics = HttpProbe.get(port, "/metrics");
      assertThat(metrics.status()).isEqualTo(200);
      assertThat(metrics.contentType()).startsWith("text/plain; version=0.0.4");
      assertThat(metrics.body()).contains("tickwire_anomalies_total{type=\"crossed_book\"}", "jvm_memory_used_bytes");

      for (String notHere : List.of("/api/bars?symbol=BTC-USD&interval=1s", "/api/rules", "/", "/ws")) {
        HttpProbe.Reply reply = HttpProbe.get(port, notHere);
        assertThat(reply.status()).as(notHere).isEqualTo(404);
        assertThat(reply.json().getString("error")).as(notHere).isEqualTo("not_found");
      }
    } finally {
      Await.result(node.stop());
    }
  }

  @Test
  void readyTurns503AsSoonAsTheNodeStopsWhileHealthAnswersUntilTheServerCloses(Vertx vertx) throws Exception {
    // A printer whose output blocks: the node's stop waits on it (the printer flushes as it stops), after the
    // compute stages have stopped and before the HTTP server does.
    GatedOutput output = new GatedOutput();
    Node node = Node.local(vertx, settings(vertx), EnumSet.of(Role.COMPUTE)).print(List.of("md.bars"), output).build();
    Future<Void> started = node.start();
    assertThat(node.health().waitingFor()).as("not ready while starting").containsEntry("node", "starting");
    Await.result(started);
    int port = ((OpsVerticle) node.stages().get(0)).actualPort();
    assertThat(HttpProbe.get(port, "/ready").status()).isEqualTo(200);

    Future<Void> stopping = node.stop();
    try {
      HttpProbe.Reply ready = HttpProbe.get(port, "/ready");
      assertThat(ready.status()).isEqualTo(503);
      assertThat(ready.json()).isEqualTo(new JsonObject().put("status", "not_ready")
          .put("waiting_for", new JsonObject().put("node", "stopping")));
      assertThat(output.blocked.await(30, TimeUnit.SECONDS)).as("the stop reached the printer").isTrue();
      assertThat(node.pendingStages()).as("what the stop waits for first, and what it has yet to stop")
          .containsExactly("PrintVerticle", "OpsVerticle");
      assertThat(HttpProbe.get(port, "/ready").status()).as("still draining").isEqualTo(503);
      assertThat(HttpProbe.get(port, "/health").status()).as("alive while draining").isEqualTo(200);
      assertThat(HttpProbe.get(port, "/live").status()).as("live while draining").isEqualTo(200);
      assertThat(HttpProbe.get(port, "/metrics").body()).contains("jvm_memory_used_bytes");
      assertThat(stopping.isComplete()).as("the stop waits for the printer").isFalse();
    } finally {
      output.release.countDown();
    }
    Await.result(stopping);
    assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).as("the server closed last")
        .isInstanceOf(ConnectException.class);
  }

  /** An output whose writes wait until the test releases them. */
  private static final class GatedOutput extends OutputStream {
    final CountDownLatch blocked = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      blocked.countDown();
      try {
        if (!release.await(60, TimeUnit.SECONDS)) {
          throw new IOException("never released");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      }
    }
  }
}
