package io.tickwire.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.node.Node;
import io.tickwire.config.Settings;
import io.tickwire.connector.SyntheticConnector;
import io.tickwire.health.ComponentHealth;
import io.tickwire.health.Status;
import io.tickwire.testing.Await;
import io.tickwire.testing.Pipelines;
import io.tickwire.testing.PrintedOutput;
import io.tickwire.testing.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database goes away for more than ten seconds in the middle of a run: the pipeline must stop with bounded
 * buffers, report the sink degraded, resume by itself, and in the end hold every trade and bar. This test needs a
 * server it can stop, so it always runs its own embedded PostgreSQL.
 */
@ExtendWith(VertxExtension.class)
class PostgresOutageTest {
  private static final Duration OUTAGE = Duration.ofSeconds(10);

  @Test
  void outageSlowsThePipelineToAStopAndLosesNothing(Vertx vertx, @TempDir Path dir) throws Exception {
    int port = freePort();
    EmbeddedPostgres server = start(dir, port);
    try {
      String url = "postgresql://postgres@localhost:" + port + "/postgres";
      Settings settings = Pipelines.settings(vertx, List.of("pg.url=" + url, "pg.schema=outage",
          "synthetic.count=30000", "synthetic.rate=2000", "synthetic.start_time=2024-05-01T00:00:00Z",
          "sink.max_backoff_ms=500", "web.enabled=false"));
      Pipelines.Capture printed = new Pipelines.Capture();
      Node node = Node.local(vertx, settings, PostgresSinkTest.PIPELINE_AND_SINK).print(List.of("md.ticks", "md.bars"),
          printed).build();
      Await.result(node.start());
      SyntheticConnector source = stage(node, SyntheticConnector.class);
      PostgresSinkVerticle sink = stage(node, PostgresSinkVerticle.class);
      Await.until(() -> sink.rowsInserted().get("trades") > 2_000, Duration.ofSeconds(30), "rows before the outage");

      server.close();
      long downAt = System.nanoTime();
      Await.until(() -> sinkStatus(node) == Status.DEGRADED, Duration.ofSeconds(10), "the sink to report degraded");
      long emittedEarlyInOutage = waitFor(downAt, OUTAGE.dividedBy(2), source);
      long emittedLateInOutage = waitFor(downAt, OUTAGE, source);
      assertThat(emittedLateInOutage).as("the source is held back while the database is down")
          .isEqualTo(emittedEarlyInOutage).isLessThan(30_000);

      server = start(dir, port);
      Await.result(node.sourcesFinished(), Duration.ofSeconds(90));
      Await.until(() -> sinkStatus(node) == Status.OK, Duration.ofSeconds(30), "the sink to recover");
      int window = settings.sink().creditWindow();
      assertThat(sink.maxBufferedBatches().get("trades")).as("trade batches buffered at most: partitions x window")
          .isLessThanOrEqualTo(settings.pipeline().partitions() * window);
      assertThat(sink.maxBufferedBatches().get("bars_ohlcv")).as("bar batches: batcher instances x window")
          .isLessThanOrEqualTo(settings.batcher().instances() * window);
      Await.result(node.stop());

      PrintedOutput out = printed.parsed();
      assertThat(out.trades()).hasSize(30_000);
      TestDatabase db = TestDatabase.at(url, "outage");
      PostgresSinkTest.assertTradesStored(db, out.trades());
      PostgresSinkTest.assertBarsStored(db, out.bars());
    } finally {
      server.close();
    }
  }

  /** Waits until {@code after} has passed since {@code since}; returns how many events the source had made. */
  private static long waitFor(long since, Duration after, SyntheticConnector source) {
    Await.until(() -> System.nanoTime() - since >= after.toNanos(), after.plusSeconds(5), "outage time to pass");
    return source.emitted();
  }

  private static Status sinkStatus(Node node) {
    ComponentHealth health = node.health().get(PostgresSinkVerticle.HEALTH_NAME);
    return health == null ? null : health.status();
  }

  private static <T> T stage(Node node, Class<T> type) {
    return node.stages().stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
  }

  private static EmbeddedPostgres start(Path dir, int port) throws IOException {
    return EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg")).setCleanDataDirectory(false).setPort(port)
        .start();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
