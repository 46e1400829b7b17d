package io.tickwire.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.cluster.Role;
import io.tickwire.codecs.Bar;
import io.tickwire.codecs.BarBatch;
import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.Trade;
import io.tickwire.config.Settings;
import io.tickwire.flow.Addresses;
import io.tickwire.health.HealthRegistry;
import io.tickwire.testing.Await;
import io.tickwire.testing.BarAssertions;
import io.tickwire.testing.Pipelines;
import io.tickwire.testing.PrintedOutput;
import io.tickwire.testing.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The PostgreSQL sink against a real server: round trip, idempotent replays and bar revisions. */
@ExtendWith(VertxExtension.class)
class PostgresSinkTest {
  static final Set<Role> PIPELINE_AND_SINK = EnumSet.of(Role.INGEST, Role.COMPUTE, Role.PERSIST);

  /** A seeded run whose event time spans about a second (rate = count), jittered past the lateness. */
  static List<String> finiteRun(TestDatabase db, int count) {
    return Pipelines.concat(db.settings(), "synthetic.count=" + count, "synthetic.rate=" + count, "synthetic.seed=9",
        "synthetic.start_time=2024-05-01T00:00:00Z", "synthetic.jitter_ms=800", "batcher.allowed_lateness_ms=300",
        "web.enabled=false");
  }

  @Test
  void everyTradeAndBarLandsOnceAndEqualsWhatThePipelineEmitted(Vertx vertx) {
    TestDatabase db = TestDatabase.fresh();
    Settings settings = Pipelines.settings(vertx, finiteRun(db, 20_000));
    PrintedOutput out = Pipelines.runToEnd(vertx, settings, PIPELINE_AND_SINK);

    assertThat(out.bars()).as("jitter beyond the lateness makes revisions")
        .anySatisfy(b -> assertThat(b.revision()).isPositive());
    assertTradesStored(db, out.trades());
    assertBarsStored(db, out.bars());
  }

  @Test
  void replayingTheSameInputThreeTimesLeavesExactlyTheSameRows(Vertx vertx) {
    TestDatabase db = TestDatabase.fresh();
    Settings settings = Pipelines.settings(vertx, finiteRun(db, 8_000));

    PrintedOutput first = Pipelines.runToEnd(vertx, settings, PIPELINE_AND_SINK);
    List<Map<String, Object>> tradesAfterFirst = db.query("SELECT * FROM trades ORDER BY venue, symbol, trade_id");
    List<Map<String, Object>> barsAfterFirst = db.query(
        "SELECT * FROM bars_ohlcv ORDER BY venue, symbol, interval, bucket_start");
    for (int replay = 0; replay < 2; replay++) {
      PrintedOutput again = Pipelines.runToEnd(vertx, settings, PIPELINE_AND_SINK);
      assertThat(again.trades()).hasSameSizeAs(first.trades());
    }

    assertThat(db.query("SELECT * FROM trades ORDER BY venue, symbol, trade_id"))
        .as("trades: same count, same values (ingest_ts of the first run kept)").isEqualTo(tradesAfterFirst);
    assertThat(db.query("SELECT * FROM bars_ohlcv ORDER BY venue, symbol, interval, bucket_start"))
        .as("bars: same count, same values, updated_at untouched").isEqualTo(barsAfterFirst);
    assertThat(tradesAfterFirst).hasSize(8_000);
  }

  @Test
  void aRevisionUpdatesTheRowAnOlderOneOrAnIdenticalReplayDoesNot(Vertx vertx) {
    TestDatabase db = TestDatabase.fresh();
    Settings settings = Pipelines.settings(vertx, Pipelines.concat(db.settings(), "trades.persist=false"));
    Database database = Await.result(Database.open(vertx, settings));
    try {
      Await.result(vertx.deployVerticle(new PostgresSinkVerticle(settings, database, new HealthRegistry())));
      Bar first = bar(0, 100.0, 3);
      Bar revised = bar(1, 101.5, 4);

      sendBars(vertx, first);
      Map<String, Object> row0 = onlyBar(db);
      assertThat(row0.get("revision")).isEqualTo(0);

      sendBars(vertx, revised);
      Map<String, Object> row1 = onlyBar(db);
      assertThat(row1.get("revision")).isEqualTo(1);
      assertThat(row1.get("close")).isEqualTo(101.5);
      assertThat(row1.get("trades")).isEqualTo(4L);

      sendBars(vertx, first);
      sendBars(vertx, revised);
      assertThat(onlyBar(db)).as("older revision ignored, identical replay touches nothing").isEqualTo(row1);
      assertThat((java.sql.Timestamp) row1.get("updated_at")).isAfterOrEqualTo((java.sql.Timestamp) row0.get("updated_at"));
    } finally {
      Await.result(database.close(vertx));
    }
  }

  private static Bar bar(int revision, double close, long trades) {
    return new Bar("test", "BTC-USD", 1_000, 1_714_521_600_000_000L, 100.0, Math.max(100.0, close), 99.0, close,
        2.5, 100.2, trades, revision);
  }

  /** Sends through the sink's lossless inbox; the reply comes once the rows are committed. */
  private static void sendBars(Vertx vertx, Bar bar) {
    Await.result(vertx.eventBus().request(Addresses.inbox(Addresses.BARS, PostgresSinkVerticle.GROUP),
        new BarBatch(List.of(bar))));
  }

  private static Map<String, Object> onlyBar(TestDatabase db) {
    List<Map<String, Object>> rows = db.query("SELECT * FROM bars_ohlcv");
    assertThat(rows).hasSize(1);
    return rows.get(0);
  }

  static void assertTradesStored(TestDatabase db, List<Trade> printed) {
    List<Map<String, Object>> rows = db.query("SELECT venue, symbol, trade_id, price, size, side, seq,"
        + " (extract(epoch from event_ts) * 1000000)::bigint AS event_us FROM trades");
    assertThat(rows).as("one row per trade").hasSize(printed.size());
    Map<String, Map<String, Object>> byId = new HashMap<>();
    rows.forEach(r -> byId.put(r.get("symbol") + "/" + r.get("trade_id"), r));
    for (Trade t : printed) {
      Map<String, Object> row = byId.get(t.symbol() + "/" + t.tradeId());
      assertThat(row).as("trade " + t.tradeId()).isNotNull();
      assertThat((BigDecimal) row.get("price")).isEqualByComparingTo(Decimals.toBigDecimal(t.price()));
      assertThat((BigDecimal) row.get("size")).isEqualByComparingTo(Decimals.toBigDecimal(t.size()));
      assertThat(row.get("side")).isEqualTo(t.side().wire());
      assertThat(row.get("seq")).isEqualTo(t.seq());
      assertThat(row.get("event_us")).isEqualTo(t.eventTime());
    }
  }

  static void assertBarsStored(TestDatabase db, List<Bar> printed) {
    Map<String, Bar> expected = BarAssertions.latestRevisions(printed);
    List<Map<String, Object>> rows = db.query("SELECT venue, symbol, interval, open, high, low, close, volume, vwap,"
        + " trades, revision, (extract(epoch from bucket_start) * 1000000)::bigint AS start_us FROM bars_ohlcv");
    assertThat(rows).as("one row per bar").hasSize(expected.size());
    for (Map<String, Object> row : rows) {
      Bar bar = expected.values().stream()
          .filter(b -> b.symbol().equals(row.get("symbol")) && b.interval().equals(row.get("interval"))
              && b.start() == (Long) row.get("start_us"))
          .findFirst().orElseThrow(() -> new AssertionError("unexpected row " + row));
      assertThat(row).containsEntry("open", bar.open()).containsEntry("high", bar.high())
          .containsEntry("low", bar.low()).containsEntry("close", bar.close())
          .containsEntry("volume", bar.volume()).containsEntry("vwap", bar.vwap())
          .containsEntry("trades", bar.trades()).containsEntry("revision", bar.revision());
    }
  }

}
