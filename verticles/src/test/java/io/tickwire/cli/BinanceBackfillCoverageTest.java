package io.tickwire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.config.Role;
import io.tickwire.connector.capture.CryptofeedCapture;
import io.tickwire.node.Node;
import io.tickwire.testing.Await;
import io.tickwire.testing.FixtureWebSocketServer;
import io.tickwire.testing.Fixtures;
import io.tickwire.testing.Pipelines;
import io.tickwire.testing.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Binance backfill end to end: the real Binance USD-M futures connector is served a recorded capture of its
 * {@code aggTrade} streams on loopback, with six SUSHIUSDT aggregate trades cut out and the connection dropped
 * where they were; a loopback REST server serves the capture's aggregate trades in Binance's documented
 * {@code /fapi/v1/aggTrades} shape. The disconnect's hole is backfilled by aggregate id, the stored bars equal the
 * uncut capture's, and coverage is complete; a history that starts inside the hole leaves it unrecoverable.
 */
@ExtendWith(VertxExtension.class)
class BinanceBackfillCoverageTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  /** Wide enough that the backfilled trades revise their bars however fast the capture is served. */
  private static final String HORIZON = "batcher.revision_horizon_ms=3600000";
  private static final String CAPTURE_END = "2021-07-23T00:00:00Z";
  private static final String SYMBOL = "SUSHIUSDT";
  private static final Set<Long> CUT = Set.of(87353240L, 87353241L, 87353242L, 87353243L, 87353244L, 87353245L);
  private static final String BARS = "SELECT symbol, interval, bucket_start, open, high, low, close, volume,"
      + " round(vwap::numeric, 9) AS vwap, trades FROM bars_ohlcv ORDER BY symbol, interval, bucket_start";

  @TempDir
  Path dataDir;

  private final List<String> requests = new CopyOnWriteArrayList<>();

  @Test
  void aDisconnectThatCostAggregateTradesIsBackfilledAndTheBarsEqualTheUncutCapture(Vertx vertx) {
    List<String> frames = frames();
    TestDatabase uncut = TestDatabase.fresh();
    record(vertx, uncut, dataDir.resolve("uncut"), FixtureWebSocketServer.of(vertx, frames),
        List.of(HORIZON, "backfill.binance_futures_url=null"), () -> uncut.count("trades") >= aggTrades(frames));

    TestDatabase cut = TestDatabase.fresh();
    List<String> served = frames.stream().filter(f -> !cut(f)).toList();
    int dropAt = served.indexOf(served.stream().filter(f -> f.contains("\"a\":87353246,")).findFirst()
        .orElseThrow());
    FixtureWebSocketServer server = FixtureWebSocketServer.of(vertx, served).dropOnceAfter(dropAt);
    String rest = restServer(vertx, 0);
    record(vertx, cut, dataDir.resolve("cut"), server, List.of(HORIZON, "backfill.binance_futures_url=" + rest,
        "connectors.backoff_first_ms=50"), () -> cut.count("trades") >= aggTrades(frames) && everyHoleResolved(cut));

    assertThat(server.connections()).as("dropped and redialled").isGreaterThanOrEqualTo(2);
    assertThat(server.sent()).as("every served frame sent").isEqualTo(served.size());
    assertThat(requests).as("one page, from the first missing aggregate id")
        .containsExactly("/fapi/v1/aggTrades?symbol=SUSHIUSDT&fromId=87353240&limit=100");
    List<Map<String, Object>> sushi = cut.query("SELECT cause, state, recovered FROM coverage_segment"
        + " WHERE kind = 'hole' AND symbol = '" + SYMBOL + "' AND channel = 'trades' AND end_ts < '" + CAPTURE_END
        + "' ORDER BY start_ts");
    assertThat(sushi).as("the ledger shows the disconnect's hole, then backfilled").hasSize(1);
    assertThat(sushi.get(0)).containsEntry("cause", "disconnect").containsEntry("state", "backfilled")
        .containsEntry("recovered", 6L);
    assertThat(cut.count("trades")).isEqualTo(uncut.count("trades"));
    assertThat(cut.query(BARS)).as("the stored bars equal those of the uncut capture").isEqualTo(uncut.query(BARS));
    assertThat(cut.query("SELECT max(revision) AS r FROM bars_ohlcv WHERE symbol = '" + SYMBOL + "'").get(0)
        .get("r")).as("the bars converged by revision, not by chance").isNotEqualTo(0);

    BatchCommands cli = new BatchCommands(cut, dataDir);
    assertThat(cli.run("coverage", "--json", "--venue", "binance_futures", "--symbol", SYMBOL, "--channel",
        "trades", "--to", CAPTURE_END)).as(cli.out + "" + cli.err).isZero();
    JsonObject line = CoverageCommandTest.stream(cli.lines(), SYMBOL);
    assertThat(line.getDouble("percent")).isEqualTo(100.0);
    assertThat(line.getBoolean("complete")).isTrue();
  }

  @Test
  void aHistoryStartingInsideTheHoleLeavesItUnrecoverableAndCoverageExits3(Vertx vertx) {
    List<String> frames = frames();
    TestDatabase db = TestDatabase.fresh();
    List<String> served = frames.stream().filter(f -> !cut(f)).toList();
    String rest = restServer(vertx, 87353243);
    record(vertx, db, dataDir, FixtureWebSocketServer.of(vertx, served), List.of(HORIZON,
        "backfill.binance_futures_url=" + rest), () -> !db.query("SELECT 1 FROM coverage_segment WHERE kind = 'hole'"
            + " AND state <> 'open'").isEmpty());

    List<Map<String, Object>> hole = db.query("SELECT cause, state, resolution FROM coverage_segment"
        + " WHERE kind = 'hole' AND symbol = '" + SYMBOL + "'");
    assertThat(hole).hasSize(1);
    assertThat(hole.get(0)).as("an aggregate id jump is a sequence gap").containsEntry("cause", "sequence_gap")
        .containsEntry("state", "unrecoverable");
    assertThat((String) hole.get(0).get("resolution")).contains("3 of 6");

    BatchCommands cli = new BatchCommands(db, dataDir);
    assertThat(cli.run("coverage", "--venue", "binance_futures", "--symbol", SYMBOL, "--channel", "trades"))
        .isEqualTo(CoverageCommand.EXIT_HOLES);
  }

  /**
   * SUSHIUSDT trades after the drop, so its trade hole gets an outcome; the ledger writes it every
   * {@code coverage.flush_ms}, after the trades themselves may be stored. One drop only: the ledger finds a hole by
   * its reason text, and two drops with the same text while the first one's fetch is under way would be mixed up.
   */
  private static boolean everyHoleResolved(TestDatabase db) {
    List<Map<String, Object>> holes = db.query("SELECT state, recovered FROM coverage_segment WHERE kind = 'hole'"
        + " AND symbol = '" + SYMBOL + "' AND channel = 'trades'");
    return holes.stream().anyMatch(h -> h.get("recovered") instanceof Long n && n > 0)
        && holes.stream().noneMatch(h -> "open".equals(h.get("state")));
  }

  /** Runs a node with the Binance futures connector (trades only) served by {@code server}, until {@code done}. */
  private static void record(Vertx vertx, TestDatabase db, Path dir, FixtureWebSocketServer server,
      List<String> extra, BooleanSupplier done) {
    List<String> settings = new ArrayList<>(Pipelines.concat(db.settings(), "data_dir=" + dir,
        "synthetic.enabled=false", "web.enabled=false", "connectors.binance_futures.enabled=true",
        "connectors.binance_futures.url=" + server.uri(),
        "connectors.binance_futures.symbols=[SUSHIUSDT, CTKUSDT, AKROUSDT, KEEPUSDT]",
        "connectors.binance_futures.channels=[trades]", "coverage.flush_ms=100"));
    settings.addAll(extra);
    Node node = Node.local(vertx, Pipelines.settings(vertx, settings),
        EnumSet.of(Role.INGEST, Role.COMPUTE, Role.PERSIST)).build();
    Await.result(node.start());
    try {
      Await.until(done, WAIT, "the served capture recorded");
    } finally {
      Await.result(node.stop());
      server.close();
    }
  }

  private static List<String> frames() {
    return CryptofeedCapture.readAll(Fixtures.cryptofeed("BINANCE_FUTURES.ws.1.0")).stream()
        .filter(r -> r.direction() == CryptofeedCapture.Direction.RECEIVED)
        .map(CryptofeedCapture.Record::payload).toList();
  }

  private static JsonObject aggTrade(String frame) {
    return frame.contains("\"e\":\"aggTrade\"") ? new JsonObject(frame).getJsonObject("data") : null;
  }

  private static boolean cut(String frame) {
    JsonObject trade = aggTrade(frame);
    return trade != null && SYMBOL.equals(trade.getString("s")) && CUT.contains(trade.getLong("a"));
  }

  private static long aggTrades(List<String> frames) {
    return frames.stream().filter(f -> aggTrade(f) != null).count();
  }

  /**
   * Binance's aggregate trade history of the capture on loopback: oldest first, from {@code fromId} on, items
   * without the stream payload's {@code e}, {@code E} and {@code s}; nothing older than {@code historyStart}.
   */
  private String restServer(Vertx vertx, long historyStart) {
    List<JsonObject> trades = frames().stream().map(BinanceBackfillCoverageTest::aggTrade)
        .filter(t -> t != null).sorted(Comparator.comparingLong((JsonObject t) -> t.getLong("a"))).toList();
    HttpServer server = Await.result(vertx.createHttpServer().requestHandler(req -> {
      requests.add(req.uri());
      String symbol = req.getParam("symbol");
      long fromId = Long.parseLong(req.getParam("fromId"));
      int limit = Integer.parseInt(req.getParam("limit"));
      JsonArray page = new JsonArray();
      trades.stream().filter(t -> symbol.equals(t.getString("s")) && t.getLong("a") >= Math.max(fromId,
          historyStart)).limit(limit).forEach(t -> {
            JsonObject item = t.copy();
            item.remove("e");
            item.remove("E");
            item.remove("s");
            page.add(item);
          });
      req.response().putHeader("content-type", "application/json").end(page.encode());
    }).listen(0, "127.0.0.1"));
    return "http://127.0.0.1:" + server.actualPort();
  }
}
