package io.tickwire.jobs.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.health.StageContext;
import io.tickwire.node.PipelineTopology;
import io.tickwire.config.Role;
import io.tickwire.config.Settings;
import io.tickwire.sink.PostgresSinkVerticle;
import io.tickwire.store.Database;
import io.tickwire.testing.Await;
import io.tickwire.testing.Pipelines;
import io.tickwire.testing.StoredRuns;
import io.tickwire.testing.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Reconciliation against a real PostgreSQL filled by a real pipeline run. */
@ExtendWith(VertxExtension.class)
class ReconcileTest {
  private static final long[] INTERVALS = {1_000, 10_000, 60_000};

  @Test
  void aCleanRunReconcilesWithZeroDrift(Vertx vertx) throws Exception {
    TestDatabase db = TestDatabase.fresh();
    Settings settings = Pipelines.settings(vertx, StoredRuns.overrides(db));
    Pipelines.runToEnd(vertx, settings, StoredRuns.PIPELINE_AND_SINK);

    ReconcileReport report = reconcile(vertx, settings);

    assertThat(db.query("SELECT count(*) AS n FROM bars_ohlcv WHERE revision > 0").get(0).get("n"))
        .as("the jitter made revisions, which the stored latest revision must carry").isNotEqualTo(0L);
    assertThat(report.matched()).isEqualTo(db.count("bars_ohlcv"));
    assertThat(report.missing()).isEmpty();
    assertThat(report.extra()).isEmpty();
    assertThat(report.drifted()).isEmpty();
    assertThat(report.toJson(3).getLong("drifted")).isZero();
  }

  @Test
  void aBarAlteredInTheDatabaseIsDriftedAndRaisesTheAnomaly(Vertx vertx) throws Exception {
    TestDatabase db = TestDatabase.fresh();
    Settings settings = Pipelines.settings(vertx, StoredRuns.overrides(db));
    Database database = Await.result(Database.open(vertx, settings));
    try {
      ReconcileVerticle job = deployJobWithSink(vertx, settings, database);
      Await.result(job.reconcileNow());
      StoredRuns.runAndClose(vertx, settings, db);
      db.execute("UPDATE bars_ohlcv SET close = close * 1.01 WHERE symbol = 'BTC-USD' AND interval = '1s'"
          + " AND bucket_start = '2024-05-01T00:00:00Z'");
      db.execute("DELETE FROM bars_ohlcv WHERE symbol = 'ETH-USD' AND interval = '10s'"
          + " AND bucket_start = '2024-05-01T00:00:00Z'");

      // Backfilled holes in the first minute: SOL-USD's bars reconcile, BTC-USD's do not; an open hole is no repair.
      backfilledHole(db, "SOL-USD", "backfilled", "00:00:10", "00:00:20");
      backfilledHole(db, "BTC-USD", "backfilled", "00:00:10", "00:00:20");
      backfilledHole(db, "ETH-USD", "open", "00:00:30", "00:00:40");

      ReconcileReport cli = reconcile(vertx, settings);
      List<ReconcileReport> periodic = Await.result(job.reconcileNow());
      assertThat(db.query("SELECT symbol, verified FROM coverage_segment WHERE kind = 'hole' ORDER BY symbol"))
          .as("only the backfill whose range reconciled is verified")
          .containsExactly(java.util.Map.of("symbol", "BTC-USD", "verified", false),
              java.util.Map.of("symbol", "ETH-USD", "verified", false),
              java.util.Map.of("symbol", "SOL-USD", "verified", true));

      assertThat(cli.drifted()).singleElement().satisfies(d -> {
        assertThat(d.key().symbol()).isEqualTo("BTC-USD");
        assertThat(d.worstField()).isEqualTo("close");
        assertThat(d.relative().get("close")).isBetween(0.0098, 0.0100);
      });
      assertThat(cli.missing()).singleElement().satisfies(k -> assertThat(k.symbol()).isEqualTo("ETH-USD"));
      assertThat(periodic).as("the run's two minutes, now final").hasSize(2);
      assertThat(periodic).flatExtracting(ReconcileReport::drifted).hasSize(1);
      assertThat(periodic).flatExtracting(ReconcileReport::missing).hasSize(1);
      Await.until(() -> db.count("anomalies WHERE type = 'bar_drift'") == 2, Duration.ofSeconds(10),
          "the drifted and the missing bar stored as bar_drift anomalies");
      assertThat(db.query("SELECT symbol, detail FROM anomalies WHERE type = 'bar_drift' ORDER BY symbol"))
          .extracting(r -> r.get("symbol")).containsExactly("BTC-USD", "ETH-USD");
      String metrics = context.metrics().scrape();
      assertThat(metrics).contains("tickwire_bar_drift_total 2.0");
      assertThat(metrics).containsPattern("tickwire_bar_drift_ratio 0\\.\\d*[1-9]");
    } finally {
      Await.result(database.close(vertx));
    }
  }

  private StageContext context;

  private static void backfilledHole(TestDatabase db, String symbol, String state, String from, String to) {
    db.execute("INSERT INTO coverage_segment (venue, symbol, channel, kind, start_ts, end_ts, cause, detail, state,"
        + " recovered) VALUES ('synthetic', '" + symbol + "', 'trades', 'hole', '2024-05-01T" + from + "Z',"
        + " '2024-05-01T" + to + "Z', 'sequence_gap', 'trade_id jumped', '" + state + "', 3)");
  }

  private ReconcileVerticle deployJobWithSink(Vertx vertx, Settings settings, Database database) {
    context = Pipelines.context(settings, PipelineTopology.of(settings, Set.of(Role.PERSIST), List.of()));
    Await.result(vertx.deployVerticle(new PostgresSinkVerticle(context, database)));
    ReconcileVerticle job = new ReconcileVerticle(context, database);
    Await.result(vertx.deployVerticle(job));
    return job;
  }

  private static ReconcileReport reconcile(Vertx vertx, Settings settings) throws Exception {
    Database database = Await.result(Database.open(vertx, settings));
    try (Connection c = database.jdbc().connect()) {
      return new Reconciler(settings.batch().reconcileThreshold()).run(c, StoredRuns.FROM, StoredRuns.TO,
          INTERVALS);
    } finally {
      Await.result(database.close(vertx));
    }
  }
}
