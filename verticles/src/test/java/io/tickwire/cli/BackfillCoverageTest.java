package io.tickwire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.testing.Await;
import io.tickwire.testing.FixtureWebSocketServer;
import io.tickwire.testing.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backfill end to end: the real Coinbase Exchange connector is served a capture with a stretch of matches cut out,
 * and a loopback REST server serves the capture's trades in Coinbase's documented {@code /products/{id}/trades}
 * shape. The hole is backfilled, the stored bars converge to the uncut capture's, and coverage is complete; a hole
 * older than the venue's history stays unrecoverable.
 */
@ExtendWith(VertxExtension.class)
class BackfillCoverageTest {
  /** Wide enough that the backfilled trades revise their bars however fast the capture is served. */
  private static final String HORIZON = "batcher.revision_horizon_ms=3600000";
  private static final String CAPTURE_END = "2021-04-17T17:00:00Z";
  private static final String BARS = "SELECT symbol, interval, bucket_start, open, high, low, close, volume,"
      + " round(vwap::numeric, 9) AS vwap, trades FROM bars_ohlcv ORDER BY symbol, interval, bucket_start";

  @TempDir
  Path dataDir;

  private final List<String> requests = new CopyOnWriteArrayList<>();

  @Test
  void aSequenceGapIsBackfilledTheBarsConvergeAndCoverageIsComplete(Vertx vertx) {
    TestDatabase uncut = TestDatabase.fresh();
    List<String> frames = CoverageCommandTest.frames();
    CoverageCommandTest.record(vertx, uncut, dataDir.resolve("uncut"), frames, List.of(HORIZON,
        "backfill.coinbase_url=null"), () -> uncut.count("trades") >= matches(frames));

    TestDatabase cut = TestDatabase.fresh();
    String rest = restServer(vertx, 0);
    CoverageCommandTest.record(vertx, cut, dataDir.resolve("cut"),
        frames.stream().filter(f -> !CoverageCommandTest.cut(f)).toList(), List.of(HORIZON,
            "backfill.coinbase_url=" + rest), () -> resolved(cut) && cut.count("trades") >= matches(frames));

    assertThat(requests).as("one page, asked for the trades before the first id after the hole")
        .containsExactly("/products/SKL-USD/trades?after=1568281&limit=100");
    List<Map<String, Object>> hole = cut.query("SELECT cause, state, recovered, detail FROM coverage_segment"
        + " WHERE kind = 'hole'");
    assertThat(hole).hasSize(1);
    assertThat(hole.get(0)).containsEntry("cause", "sequence_gap").containsEntry("state", "backfilled")
        .containsEntry("recovered", 6L);
    assertThat(cut.query(BARS)).as("the stored bars equal those of the uncut capture").isEqualTo(uncut.query(BARS));
    assertThat(cut.count("trades")).isEqualTo(uncut.count("trades"));
    assertThat(cut.query("SELECT max(revision) AS r FROM bars_ohlcv WHERE symbol = 'SKL-USD'").get(0).get("r"))
        .as("the bars converged by revision, not by chance").isNotEqualTo(0);
    assertProvenance(cut, uncut);

    BatchCommands cli = new BatchCommands(cut, dataDir);
    assertThat(cli.run("coverage", "--json", "--venue", "coinbase", "--symbol", "SKL-USD", "--channel", "trades"))
        .as(cli.out + "" + cli.err).isZero();
    JsonObject skl = CoverageCommandTest.stream(cli.lines(), "SKL-USD");
    assertThat(skl.getDouble("percent")).isEqualTo(100.0);
    assertThat(skl.getBoolean("complete")).isTrue();
    assertThat(skl.getJsonArray("holes").getJsonObject(0).getString("state")).isEqualTo("backfilled");
    assertThat(cli.run("coverage", "--venue", "coinbase", "--symbol", "SKL-USD")).isZero();
    assertThat(cli.out.toString()).contains("backfilled(6)").contains("complete");
  }

  @Test
  void aDisconnectThatCostTradesIsBackfilledByIdAndOneThatCostNoneClosesAsSuch(Vertx vertx) {
    TestDatabase uncut = TestDatabase.fresh();
    List<String> frames = CoverageCommandTest.frames();
    CoverageCommandTest.record(vertx, uncut, dataDir.resolve("uncut"), frames, List.of(HORIZON,
        "backfill.coinbase_url=null"), () -> uncut.count("trades") >= matches(frames));

    // The connection drops where the trades were cut out, and again later on where none were.
    TestDatabase cut = TestDatabase.fresh();
    List<String> served = frames.stream().filter(f -> !CoverageCommandTest.cut(f)).toList();
    int dropAt = served.indexOf(served.stream().filter(f -> f.contains("\"trade_id\":1568281,")).findFirst()
        .orElseThrow());
    FixtureWebSocketServer server = FixtureWebSocketServer.of(vertx, served).dropAfter(dropAt);
    String rest = restServer(vertx, 0);
    CoverageCommandTest.record(vertx, cut, dataDir.resolve("cut"), server, List.of(HORIZON,
        "backfill.coinbase_url=" + rest, "connectors.backoff_first_ms=50"),
        () -> cut.count("trades") >= matches(frames) && !cut.query("SELECT 1 FROM coverage_segment WHERE kind = 'hole'"
            + " AND symbol = 'SKL-USD' AND state = 'backfilled'").isEmpty());

    assertThat(server.connections()).as("dropped and redialled").isGreaterThanOrEqualTo(2);
    // The capture's own hour: the node's stop at the end leaves the streams' last holes open, as any stop does.
    List<Map<String, Object>> skl = cut.query("SELECT cause, state, recovered FROM coverage_segment"
        + " WHERE kind = 'hole' AND symbol = 'SKL-USD' AND channel = 'trades' AND end_ts < '" + CAPTURE_END + "'"
        + " ORDER BY start_ts");
    assertThat(skl.get(0)).as("the disconnect that cost the six trades").containsEntry("cause", "disconnect")
        .containsEntry("state", "backfilled").containsEntry("recovered", 6L);
    assertThat(skl).as("every disconnect hole of SKL-USD's trades is accounted for by its trade ids").hasSize(2)
        .allSatisfy(h -> assertThat(h).containsEntry("state", "backfilled"));
    assertThat(requests).containsExactly("/products/SKL-USD/trades?after=1568281&limit=100");
    assertThat(cut.query(BARS)).as("the stored bars equal those of the uncut capture").isEqualTo(uncut.query(BARS));
    assertProvenance(cut, uncut);

    BatchCommands cli = new BatchCommands(cut, dataDir);
    assertThat(cli.run("coverage", "--json", "--venue", "coinbase", "--symbol", "SKL-USD", "--channel", "trades",
        "--to", CAPTURE_END)).as(cli.out + "" + cli.err).isZero();
    assertThat(CoverageCommandTest.stream(cli.lines(), "SKL-USD").getDouble("percent")).isEqualTo(100.0);
  }

  @Test
  void aHoleOlderThanTheVenuesHistoryStaysUnrecoverableAndCoverageExits3(Vertx vertx) {
    TestDatabase db = TestDatabase.fresh();
    List<String> frames = CoverageCommandTest.frames();
    String rest = restServer(vertx, 1568278);
    CoverageCommandTest.record(vertx, db, dataDir, frames.stream().filter(f -> !CoverageCommandTest.cut(f)).toList(),
        List.of(HORIZON, "backfill.coinbase_url=" + rest), () -> resolved(db));

    List<Map<String, Object>> hole = db.query("SELECT cause, state, recovered, resolution FROM coverage_segment"
        + " WHERE kind = 'hole'");
    assertThat(hole).hasSize(1);
    assertThat(hole.get(0)).containsEntry("cause", "sequence_gap").containsEntry("state", "unrecoverable");
    assertThat((String) hole.get(0).get("resolution")).contains("beyond the venue's history").contains("3 of 6");

    BatchCommands cli = new BatchCommands(db, dataDir);
    assertThat(cli.run("coverage", "--venue", "coinbase", "--symbol", "SKL-USD", "--channel", "trades"))
        .isEqualTo(CoverageCommand.EXIT_HOLES);
    assertThat(cli.out.toString()).contains("unrecoverable(beyond the venue's history: 3 of 6 trades)");
  }

  /**
   * The six trades cut out are stored as backfill and every trade that arrived live as live, one row per trade id:
   * the same trades as the uncut run, where nothing is backfill.
   */
  private static void assertProvenance(TestDatabase cut, TestDatabase uncut) {
    String byProvenance = "SELECT symbol, trade_id FROM trades WHERE backfill = %s ORDER BY symbol, trade_id";
    assertThat(cut.query(byProvenance.formatted("true"))).as("the fetched trades, marked")
        .extracting(r -> r.get("symbol") + " " + r.get("trade_id"))
        .containsExactly("SKL-USD 1568275", "SKL-USD 1568276", "SKL-USD 1568277", "SKL-USD 1568278",
            "SKL-USD 1568279", "SKL-USD 1568280");
    assertThat(uncut.query(byProvenance.formatted("true"))).as("nothing backfilled without a hole").isEmpty();
    String all = "SELECT symbol, trade_id, price::text AS price, size::text AS size, side, event_ts FROM trades"
        + " ORDER BY symbol, trade_id";
    assertThat(cut.query(all)).as("the same trades as the uncut capture, each once").isEqualTo(uncut.query(all));
    List<Map<String, Object>> live = cut.query(byProvenance.formatted("false"));
    assertThat(live).as("every other trade arrived live").hasSize((int) uncut.count("trades") - 6)
        .noneMatch(r -> r.get("symbol").equals("SKL-USD") && Long.parseLong((String) r.get("trade_id")) >= 1568275
            && Long.parseLong((String) r.get("trade_id")) <= 1568280);
  }

  private static boolean resolved(TestDatabase db) {
    return !db.query("SELECT 1 FROM coverage_segment WHERE kind = 'hole' AND state <> 'open'").isEmpty();
  }

  private static long matches(List<String> frames) {
    return frames.stream().filter(f -> f.contains("\"type\":\"match\"")).count();
  }

  /**
   * Coinbase Exchange's trade history of the capture on loopback, newest first, trades older than {@code after};
   * nothing older than {@code historyStart} (0: all of it).
   */
  private String restServer(Vertx vertx, long historyStart) {
    List<JsonObject> trades = CoverageCommandTest.frames().stream().filter(f -> f.contains("\"type\":\"match\""))
        .map(JsonObject::new).sorted(Comparator.comparingLong((JsonObject m) -> m.getLong("trade_id")).reversed())
        .toList();
    HttpServer server = Await.result(vertx.createHttpServer().requestHandler(req -> {
      requests.add(req.uri());
      String product = req.path().replaceAll("^/products/([^/]+)/trades$", "$1");
      long after = Long.parseLong(req.getParam("after"));
      int limit = Integer.parseInt(req.getParam("limit"));
      JsonArray page = new JsonArray();
      trades.stream().filter(m -> product.equals(m.getString("product_id")) && m.getLong("trade_id") < after
          && m.getLong("trade_id") >= historyStart).limit(limit)
          .forEach(m -> page.add(new JsonObject().put("time", m.getString("time")).put("trade_id",
              m.getLong("trade_id")).put("price", m.getString("price")).put("size", m.getString("size"))
              .put("side", m.getString("side"))));
      req.response().putHeader("content-type", "application/json").end(page.encode());
    }).listen(0, "127.0.0.1"));
    return "http://127.0.0.1:" + server.actualPort();
  }
}
