package io.tickwire.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.Side;
import io.tickwire.codecs.Trade;
import io.tickwire.config.Settings;
import io.tickwire.metrics.Metrics;
import io.tickwire.store.BatchStore;
import io.tickwire.store.Database;
import io.tickwire.store.PooledInsert;
import io.tickwire.store.TradeCopy;
import io.tickwire.store.TradeRows;
import io.tickwire.testing.Await;
import io.tickwire.testing.Pipelines;
import io.tickwire.testing.TestDatabase;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trades written with binary COPY ({@link TradeCopy}) against a real PostgreSQL: exact values, idempotent replays,
 * a refused batch failing alone, and an outage retried until the server is back.
 */
@ExtendWith(VertxExtension.class)
class TradeCopyTest {
  private static final long T0 = 1_714_521_600_000_000L;
  private static final String SELECT = "SELECT venue, symbol, trade_id, price::text AS price, size::text AS size, side,"
      + " (extract(epoch from event_ts) * 1000000)::bigint AS event_us,"
      + " (extract(epoch from ingest_ts) * 1000000)::bigint AS ingest_us, seq, backfill FROM trades ORDER BY trade_id";

  @Test
  void pricesSizesAndTimesArriveExactlyAsTheTextInsertStoresThem(Vertx vertx) {
    String[] decimals = {"0", "0.000", "1.50", "-1.5", "-0.0001", "0.00001", "65000.12", "10000", "9999.9999",
        "100000000.00000001", "0.000000000000001", "576460752303423487", "576.460752303423487", "-576460752303423487",
        "12345678.9"};
    List<Trade> trades = new ArrayList<>();
    for (int i = 0; i < decimals.length; i++) {
      long d = Decimals.parse(decimals[i]);
      // event times before and after 2000-01-01 (PostgreSQL's epoch), to the microsecond; one unknown ingest time
      long event = (i % 2 == 0 ? T0 : 0) - 123_456_789L * i + 7;
      Trade trade = new Trade("kraken", "XBT/USD", String.format("%03d", i), d, d, i % 2 == 0 ? Side.BUY : Side.SELL,
          event, i == 3 ? 0 : event + 17, 1L << 40 | i);
      trades.add(i % 3 == 0 ? trade.asBackfill() : trade); // provenance among live trades, both ways of writing

    }
    trades.add(trade("ünïcødé-€", "ETH-USD"));
    TestDatabase copied = TestDatabase.fresh();
    TestDatabase inserted = TestDatabase.fresh();
    try (Store copy = Store.copy(vertx, copied); Store insert = Store.insert(vertx, inserted)) {
      assertThat(copy.write(trades)).isEqualTo(trades.size());
      assertThat(insert.write(trades)).isEqualTo(trades.size());
    }

    List<Map<String, Object>> rows = copied.query(SELECT);
    assertThat(rows).as("the same rows as the unnest insert").isEqualTo(inserted.query(SELECT));
    for (int i = 0; i < decimals.length; i++) {
      assertThat(rows.get(i)).containsEntry("price", decimals[i]).containsEntry("size", decimals[i])
          .containsEntry("event_us", trades.get(i).eventTime()).containsEntry("seq", trades.get(i).seq())
          .containsEntry("backfill", i % 3 == 0);
    }
    assertThat(rows.get(3).get("ingest_us")).isNull();
  }

  @Test
  void replaysAreSkippedAndNewRowsAfterThemAreStoredOnce(Vertx vertx) {
    TestDatabase db = TestDatabase.fresh();
    List<Trade> first = trades("a", 0, 500);
    List<Trade> second = trades("a", 500, 500);
    try (Store store = Store.copy(vertx, db)) {
      assertThat(store.write(first)).isEqualTo(500);
      assertThat(store.copy.directStatements()).as("new rows go straight into trades").isEqualTo(1);
      List<Map<String, Object>> afterFirst = db.query(SELECT);

      assertThat(store.write(first)).as("a replay stores nothing").isZero();
      assertThat(store.write(first)).isZero();
      assertThat(db.query(SELECT)).as("the same rows, the first run's values kept").isEqualTo(afterFirst);

      List<Trade> overlapping = new ArrayList<>(first.subList(250, 500));
      overlapping.addAll(second);
      assertThat(store.write(overlapping)).as("only the new half").isEqualTo(500);
      List<Trade> withItselfTwice = new ArrayList<>(trades("b", 0, 10));
      withItselfTwice.addAll(trades("b", 0, 10));
      assertThat(store.write(withItselfTwice)).as("a trade twice in one statement, stored once").isEqualTo(10);
      assertThat(store.copy.stagedStatements()).as("statements that met stored rows go through the staging table")
          .isEqualTo(4);

      assertThat(store.write(trades("c", 0, 100))).isEqualTo(100);
      assertThat(store.write(trades("c", 100, 100))).isEqualTo(100);
      assertThat(store.copy.stagedStatements()).as("one staged statement without conflicts, then direct again")
          .isEqualTo(5);
      assertThat(store.copy.directStatements()).isEqualTo(2);
    }
    assertThat(db.count("trades")).isEqualTo(1_210);
    assertThat(db.query("SELECT count(DISTINCT (venue, symbol, trade_id)) AS n FROM trades").get(0).get("n"))
        .isEqualTo(1_210L);
  }

  @Test
  void aBatchTheDatabaseRefusesFailsAloneInOneCopy(Vertx vertx) {
    TestDatabase db = TestDatabase.fresh();
    Settings settings = Pipelines.settings(vertx, Pipelines.concat(db.settings(), "sink.flush_ms=300"));
    Database database = Await.result(Database.open(vertx, settings));
    Context context = vertx.getOrCreateContext();
    TableWriter<Trade> writer = new TableWriter<>(vertx, new TradeCopy(vertx, database.jdbc(), 2), settings.sink(),
        new Metrics());
    try {
      Await.result(on(context, () -> writer.add(trades("x", 0, 5))));  // a replay below, so the staged path too
      Future<Void> good = on(context, () -> writer.add(trades("x", 0, 100)));
      Future<Void> bad = on(context, () -> writer.add(List.of(trade("bad\u0000id", "BTC-USD"))));
      Future<Void> alsoGood = on(context, () -> writer.add(trades("y", 0, 100)));

      Await.result(good);
      Await.result(alsoGood);
      assertThat(Await.failure(bad)).as("NUL cannot be stored in text; the sender dead-letters the batch")
          .hasMessageContaining("0x00");
      assertThat(db.count("trades")).isEqualTo(200);
      assertThat(writer.rowsRejected()).isEqualTo(1);
      assertThat(writer.rowsInserted()).isEqualTo(200);
      assertThat(writer.rowsSkipped()).isEqualTo(5);
    } finally {
      Await.result(on(context, writer::close));
      Await.result(database.close(vertx));
    }
  }

  @Test
  void anOutageIsRetriedOnNewConnectionsAndTheWriteCompletesOnceTheServerIsBack(Vertx vertx, @TempDir Path dir)
      throws Exception {
    int port = freePort();
    EmbeddedPostgres server = start(dir, port);
    Database database = null;
    TableWriter<Trade> writer = null;
    Context context = vertx.getOrCreateContext();
    try {
      String url = "postgresql://postgres@localhost:" + port + "/postgres";
      Settings settings = Pipelines.settings(vertx, List.of("pg.url=" + url, "pg.schema=copy_outage",
          "sink.flush_ms=1", "sink.max_backoff_ms=200"));
      database = Await.result(Database.open(vertx, settings));
      TableWriter<Trade> w = new TableWriter<>(vertx, new TradeCopy(vertx, database.jdbc(), 2), settings.sink(),
          new Metrics());
      writer = w;
      Await.result(on(context, () -> w.add(trades("before", 0, 1_000))));

      server.close();
      Future<Void> during = on(context, () -> w.add(trades("during", 0, 1_000)));
      Await.until(w::failing, Duration.ofSeconds(10), "the writer to see the outage");
      Thread.sleep(1_000);
      assertThat(during.isComplete()).as("not acknowledged while the database is down").isFalse();

      server = start(dir, port);
      Await.result(during, Duration.ofSeconds(30));
      assertThat(w.failing()).isFalse();
      Await.result(on(context, () -> w.add(trades("after", 0, 1_000))));

      TestDatabase db = TestDatabase.at(url, "copy_outage");
      assertThat(db.count("trades")).isEqualTo(3_000);
      assertThat(w.rowsInserted()).isEqualTo(3_000);
    } finally {
      if (writer != null) {
        Await.result(on(context, writer::close));
      }
      if (database != null) {
        Await.result(database.close(vertx));
      }
      server.close();
    }
  }

  /** A store on a migrated schema, called on an event-loop context as the sink calls it. */
  private record Store(TradeCopy copy, BatchStore<Trade> store, Database database, Vertx vertx, Context context)
      implements AutoCloseable {
    static Store copy(Vertx vertx, TestDatabase db) {
      Database database = open(vertx, db);
      TradeCopy copy = new TradeCopy(vertx, database.jdbc(), 2);
      return new Store(copy, copy, database, vertx, vertx.getOrCreateContext());
    }

    static Store insert(Vertx vertx, TestDatabase db) {
      Database database = open(vertx, db);
      return new Store(null, new PooledInsert<>(database.pool(), new TradeRows()), database, vertx,
          vertx.getOrCreateContext());
    }

    private static Database open(Vertx vertx, TestDatabase db) {
      return Await.result(Database.open(vertx, Pipelines.settings(vertx, db.settings())));
    }

    int write(List<Trade> trades) {
      return Await.result(on(context, () -> store.write(trades)));
    }

    @Override
    public void close() {
      Await.result(on(context, store::close));
      Await.result(database.close(vertx));
    }
  }

  private static <T> Future<T> on(Context context, Supplier<Future<T>> action) {
    Promise<T> done = Promise.promise();
    context.runOnContext(v -> action.get().onComplete(done));
    return done.future();
  }

  private static List<Trade> trades(String prefix, int from, int count) {
    List<Trade> out = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      out.add(new Trade("test", "BTC-USD", prefix + "-" + String.format("%06d", i), Decimals.of(6_500_012 + i, 2),
          Decimals.of(1_000 + i, 6), i % 3 == 0 ? Side.SELL : Side.BUY, T0 + i, T0 + i + 50, i));
    }
    return out;
  }

  private static Trade trade(String id, String symbol) {
    return new Trade("test", symbol, id, Decimals.parse("100.5"), Decimals.parse("1"), Side.BUY, T0, T0 + 100, 1);
  }

  private static EmbeddedPostgres start(Path dir, int port) throws IOException {
    return EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg")).setCleanDataDirectory(false).setPort(port)
        .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on").start();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
