package io.tickwire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.config.Settings;
import io.tickwire.jobs.archive.ArchiveExporter;
import io.tickwire.jobs.schedule.ClosedClock;
import io.tickwire.store.Database;
import io.tickwire.testing.Await;
import io.tickwire.testing.Pipelines;
import io.tickwire.testing.StoredRuns;
import io.tickwire.testing.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code tickwire query}, {@code reconcile} and {@code profile} in-process over a stored run and its archive. */
@ExtendWith(VertxExtension.class)
class ArchiveQueryCommandTest {
  @TempDir
  Path dataDir;

  @Test
  void queryReconcileAndProfileReadTheStoredRun(Vertx vertx) throws Exception {
    TestDatabase db = TestDatabase.fresh();
    Settings settings = Pipelines.settings(vertx, StoredRuns.overrides(db, "data_dir=" + dataDir));
    StoredRuns.runAndClose(vertx, settings, db);
    Database database = Await.result(Database.open(vertx, settings));
    try {
      new ArchiveExporter(settings, database.jdbc(), new ClosedClock(settings, System::currentTimeMillis)).runOnce();
    } finally {
      Await.result(database.close(vertx));
    }
    BatchCommands cli = new BatchCommands(db, dataDir);

    assertThat(cli.run("query", "SELECT symbol, count(*) AS n FROM trades WHERE date = '2024-05-01'"
        + " AND symbol = 'BTC-USD' GROUP BY symbol")).isZero();
    JsonObject btc = new JsonObject(cli.lines().get(0));
    assertThat(btc.getLong("n")).isEqualTo(db.query("SELECT count(*) AS n FROM trades WHERE symbol = 'BTC-USD'"
        + " AND event_ts >= '2024-05-01'").get(0).get("n"));

    assertThat(cli.run("query", "--format", "table", "SELECT interval, count(*) AS bars FROM bars GROUP BY 1"
        + " ORDER BY 1")).isZero();
    assertThat(cli.lines().get(0)).matches("interval\\s+bars");

    assertThat(cli.run("query", "SELEC nonsense")).isEqualTo(2);
    assertThat(cli.err.toString()).startsWith("tickwire query: Parser Error");

    assertThat(cli.run("reconcile", "--from", "2024-04-30T23:59:00Z", "--to", "2024-05-01T00:01:00Z",
        "--interval", "1s,10s,1m", "--json")).isZero();
    JsonObject report = new JsonObject(cli.out.toString());
    assertThat(report.fieldNames()).contains("matched", "missing", "extra", "drifted", "samples");
    assertThat(report.getLong("matched")).isEqualTo(db.count("bars_ohlcv WHERE venue = 'synthetic'"));
    assertThat(report.getLong("drifted")).isZero();

    assertThat(cli.run("reconcile", "--from", "2024-05-01T00:00:00.5Z", "--to", "2024-05-01T00:01:00Z")).isEqualTo(2);
    assertThat(cli.err.toString()).contains("not aligned to the 1s interval");
    assertThat(cli.run("reconcile", "--from", "2024-05-01T00:00:00Z", "--to", "2024-05-02T00:00:00Z",
        "--interval", "1d", "--set", "batcher.timezone=America/New_York")).as("calendar days are not epoch days")
        .isEqualTo(2);
    assertThat(cli.err.toString()).contains("--interval 1d", "America/New_York", "epoch-aligned windows only");

    assertThat(cli.run("profile", "--from", "2024-04-30T23:59:00Z", "--to", "2024-05-01T00:01:00Z", "--json"))
        .isZero();
    JsonObject profile = new JsonObject(cli.out.toString());
    assertThat(profile.getJsonArray("symbols")).hasSize(3);
    assertThat(profile.getJsonArray("symbols").getJsonObject(0).getLong("late"))
        .as("an 800 ms jitter against 300 ms of lateness").isPositive();
    assertThat(cli.run("profile", "--from", "2024-04-30T23:59:00Z", "--to", "2024-05-01T00:01:00Z")).isZero();
    assertThat(cli.out.toString()).startsWith("# Data quality").contains("| synthetic | BTC-USD |");
  }
}
