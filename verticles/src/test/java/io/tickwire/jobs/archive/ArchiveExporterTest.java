package io.tickwire.jobs.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.config.Settings;
import io.tickwire.jobs.schedule.ClosedClock;
import io.tickwire.store.Database;
import io.tickwire.testing.Await;
import io.tickwire.testing.Pipelines;
import io.tickwire.testing.StoredRuns;
import io.tickwire.testing.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The Parquet archive of a real pipeline run, read back with DuckDB and compared with PostgreSQL. */
@ExtendWith(VertxExtension.class)
class ArchiveExporterTest {
  private static final String TRADE_COLUMNS =
      "venue, symbol, trade_id, price, size, side, event_ts, ingest_ts, seq, backfill";
  private static final String BAR_COLUMNS = "venue, symbol, interval, bucket_start, open, high, low, close, volume,"
      + " vwap, trades, revision, updated_at";

  @TempDir
  Path dataDir;

  @Test
  void finalChunksAreHivePartitionedZstdParquetEqualToTheDatabaseRows(Vertx vertx) throws Exception {
    TestDatabase db = TestDatabase.fresh();
    Settings settings = settings(vertx, db);
    StoredRuns.runAndClose(vertx, settings, db);
    // Some trades as a backfill would have stored them: the archive keeps their provenance.
    db.execute("UPDATE trades SET backfill = true WHERE symbol = 'BTC-USD' AND seq % 7 = 0");

    ArchiveExporter.Run run = export(vertx, settings);

    assertThat(run.chunks()).as("the run's two minutes; the later bar's minute is not final").isEqualTo(2);
    assertThat(run.trades()).isEqualTo(db.count("trades")).isEqualTo(6000);
    Path tableDir = dataDir.resolve("archive/v1/trades");
    assertThat(tableDir.resolve("date=2024-05-01/venue=synthetic/symbol=BTC-USD/part-1714521600.parquet"))
        .isRegularFile();
    assertThat(tableDir.resolve("date=2024-04-30/venue=synthetic/symbol=BTC-USD/part-1714521540.parquet"))
        .as("the jitter's trades before midnight, in the previous date's partition").isRegularFile();
    try (Connection duck = archive(settings); Statement s = duck.createStatement()) {
      assertThat(rows(s, "SELECT " + TRADE_COLUMNS + " FROM trades ORDER BY venue, symbol, trade_id"))
          .isEqualTo(normalized(db.query("SELECT " + TRADE_COLUMNS + " FROM trades WHERE venue = 'synthetic'"
              + " ORDER BY venue, symbol, trade_id")));
      assertThat(rows(s, "SELECT " + BAR_COLUMNS + " FROM bars ORDER BY venue, symbol, interval, bucket_start"))
          .isEqualTo(normalized(db.query("SELECT " + BAR_COLUMNS + " FROM bars_ohlcv WHERE venue = 'synthetic'"
              + " ORDER BY venue, symbol, interval, bucket_start")));
      assertThat(rows(s, "SELECT count(*) AS n FROM trades WHERE backfill")).containsExactly(Map.of("n",
          db.query("SELECT count(*) AS n FROM trades WHERE backfill").get(0).get("n"))).doesNotContain(Map.of("n", 0L));
      assertThat(rows(s, "SELECT DISTINCT compression FROM parquet_metadata('" + glob() + "')"))
          .containsExactly(Map.of("compression", "ZSTD"));
      assertThat(rows(s, "SELECT DISTINCT decode(value) AS watermark FROM parquet_kv_metadata('" + tableDir
          + "/date=2024-05-01/**/*.parquet') WHERE decode(key) = 'tickwire.watermark'"))
          .containsExactly(Map.of("watermark", "2024-05-01T00:01:00.000000Z"));
      assertThat(scanned(s, "SELECT count(*) FROM trades WHERE date = '2024-05-01' AND symbol = 'BTC-USD'"))
          .as("partition pruning reads one file of six").contains("Scanning Files: 1/6");
    }
  }

  @Test
  void aChunkWrittenButNotRenamedIsInvisibleAndTheNextRunRedoesItWithoutDuplicates(Vertx vertx) throws Exception {
    TestDatabase db = TestDatabase.fresh();
    Settings settings = settings(vertx, db);
    StoredRuns.runAndClose(vertx, settings, db);
    export(vertx, settings);
    ArchiveLayout layout = new ArchiveLayout(settings.archiveDir());
    List<Path> published = parquetFiles(layout.root().resolve("v1"));

    // A crash after DuckDB wrote the staged files and before any rename: the cursor is behind the chunk, staging holds
    // complete files. Simulated by copying every published file into staging and rolling the cursor back.
    Path staged = layout.stagingFor(1_714_521_600L).resolve("trades/date=2024-05-01/venue=synthetic/symbol=X");
    Files.createDirectories(staged);
    Files.copy(published.get(0), staged.resolve("part-1714521600_0.parquet"));
    Files.delete(layout.cursorFile());
    try (Connection duck = archive(settings); Statement s = duck.createStatement()) {
      assertThat(rows(s, "SELECT count(*) AS n FROM trades")).containsExactly(Map.of("n", 6000L));
    }

    ArchiveExporter.Run redo = export(vertx, settings);

    assertThat(redo.chunks()).isEqualTo(2);
    assertThat(parquetFiles(layout.root().resolve("v1"))).as("same names, replaced").isEqualTo(published);
    assertThat(layout.staging()).doesNotExist();
    try (Connection duck = archive(settings); Statement s = duck.createStatement()) {
      assertThat(rows(s, "SELECT count(*) AS n, count(DISTINCT (venue, symbol, trade_id)) AS ids FROM trades"))
          .containsExactly(Map.of("n", 6000L, "ids", 6000L));
    }
  }

  @Test
  void filesArchivedBeforeTheBackfillColumnReadAsLiveTradesBesideNewerOnes(Vertx vertx) throws Exception {
    TestDatabase db = TestDatabase.fresh();
    Settings settings = settings(vertx, db);
    StoredRuns.runAndClose(vertx, settings, db);
    ArchiveLayout layout = new ArchiveLayout(settings.archiveDir());
    Path older = layout.tableDir(ArchiveTable.TRADES).resolve("date=2024-04-01/venue=old/symbol=BTC-USD");
    Files.createDirectories(older);
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement s = duck.createStatement()) {
      // The trades file of an archive written before the column existed: the same columns, no backfill.
      s.execute("COPY (SELECT 't1' AS trade_id, 1.5::DECIMAL(38,18) AS price, 2::DECIMAL(38,18) AS size,"
          + " 'buy' AS side, TIMESTAMPTZ '2024-04-01 00:00:00+00' AS event_ts, NULL::TIMESTAMPTZ AS ingest_ts,"
          + " 7::BIGINT AS seq) TO '" + older.resolve("part-1711929600.parquet") + "' (FORMAT parquet)");
      ArchiveViews.create(duck, layout);
      assertThat(rows(s, "SELECT venue, backfill FROM trades")).as("only the old file so far")
          .containsExactly(Map.of("venue", "old", "backfill", false));
    }

    db.execute("UPDATE trades SET backfill = true WHERE seq % 5 = 0");
    export(vertx, settings);

    try (Connection duck = archive(settings); Statement s = duck.createStatement()) {
      assertThat(rows(s, "SELECT venue, backfill, count(*) AS n FROM trades GROUP BY ALL ORDER BY ALL"))
          .containsExactly(Map.of("venue", "old", "backfill", false, "n", 1L),
              Map.of("venue", "synthetic", "backfill", false, "n",
                  db.query("SELECT count(*) AS n FROM trades WHERE NOT backfill").get(0).get("n")),
              Map.of("venue", "synthetic", "backfill", true, "n",
                  db.query("SELECT count(*) AS n FROM trades WHERE backfill").get(0).get("n")));
    }
  }

  private Settings settings(Vertx vertx, TestDatabase db) {
    return Pipelines.settings(vertx, StoredRuns.overrides(db, "data_dir=" + dataDir));
  }

  private String glob() {
    return dataDir.resolve("archive/v1") + "/**/*.parquet";
  }

  static ArchiveExporter.Run export(Vertx vertx, Settings settings) throws Exception {
    Database database = Await.result(Database.open(vertx, settings));
    try {
      return new ArchiveExporter(settings, database.jdbc(), new ClosedClock(settings, System::currentTimeMillis))
          .runOnce();
    } finally {
      Await.result(database.close(vertx));
    }
  }

  private static Connection archive(Settings settings) throws Exception {
    Connection duck = DriverManager.getConnection("jdbc:duckdb:");
    ArchiveViews.create(duck, new ArchiveLayout(settings.archiveDir()));
    return duck;
  }

  private static List<Path> parquetFiles(Path dir) throws Exception {
    try (var walk = Files.walk(dir)) {
      return walk.filter(p -> p.toString().endsWith(".parquet")).sorted().toList();
    }
  }

  private static String scanned(Statement s, String sql) throws SQLException {
    StringBuilder plan = new StringBuilder();
    try (ResultSet r = s.executeQuery("EXPLAIN " + sql)) {
      while (r.next()) {
        plan.append(r.getString(2));
      }
    }
    return plan.toString();
  }

  /** Rows with values compared by meaning: decimals by value, times as instants. */
  static List<Map<String, Object>> rows(Statement s, String sql) throws SQLException {
    List<Map<String, Object>> out = new ArrayList<>();
    try (ResultSet r = s.executeQuery(sql)) {
      ResultSetMetaData meta = r.getMetaData();
      while (r.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          row.put(meta.getColumnLabel(i), normal(r.getObject(i)));
        }
        out.add(row);
      }
    }
    return out;
  }

  private static List<Map<String, Object>> normalized(List<Map<String, Object>> rows) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      Map<String, Object> copy = new LinkedHashMap<>();
      row.forEach((k, v) -> copy.put(k, normal(v)));
      out.add(copy);
    }
    return out;
  }

  private static Object normal(Object value) {
    if (value instanceof BigDecimal d) {
      return d.stripTrailingZeros();
    }
    if (value instanceof OffsetDateTime t) {
      return t.toInstant();
    }
    if (value instanceof java.sql.Timestamp t) {
      return t.toInstant();
    }
    if (value instanceof Integer i) {
      return i.longValue();
    }
    return value;
  }
}
