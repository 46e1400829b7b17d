package io.tickwire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.config.Role;
import io.tickwire.connector.capture.CryptofeedCapture;
import io.tickwire.connector.kraken.KrakenTimes;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Kraken backfill end to end: the real Kraken websocket v2 connector is served, on loopback, the trades of the
 * recorded capture {@code KRAKEN.ws.48.0} in v2's documented {@code trade} shape, with the connection dropped where
 * two SC/EUR trades were cut out; a loopback REST server serves the same trades in Kraken's documented
 * {@code /0/public/Trades} shape. The capture was recorded with websocket v1, whose trades carry no id, so the test
 * numbers each pair's trades consecutively in the order recorded, as Kraken numbers them; prices, volumes, times and
 * sides are the recorded ones. The disconnect's hole is backfilled, the stored bars equal the uncut stream's, and
 * coverage is complete.
 */
@ExtendWith(VertxExtension.class)
class KrakenBackfillCoverageTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String HORIZON = "batcher.revision_horizon_ms=3600000";
  private static final String CAPTURE_END = "2021-04-17T17:00:00Z";
  private static final String PAIR = "SC/EUR";
  private static final long FIRST_ID = 1_000;
  private static final String BARS = "SELECT symbol, interval, bucket_start, open, high, low, close, volume,"
      + " round(vwap::numeric, 9) AS vwap, trades FROM bars_ohlcv ORDER BY symbol, interval, bucket_start";

  @org.junit.jupiter.api.io.TempDir
  Path dataDir;

  private final List<String> requests = new CopyOnWriteArrayList<>();

  @Test
  void aDisconnectThatCostTradesIsBackfilledAndTheBarsEqualTheUncutStream(Vertx vertx) {
    List<JsonObject> trades = trades();
    List<String> frames = v2Frames(trades);
    TestDatabase uncut = TestDatabase.fresh();
    record(vertx, uncut, dataDir.resolve("uncut"), FixtureWebSocketServer.of(vertx, frames),
        List.of(HORIZON, "backfill.kraken_url=null"), () -> uncut.count("trades") >= trades.size());

    // SC/EUR's second and third trades (one frame) are cut out, and the connection drops there.
    List<String> served = frames.stream().filter(f -> !(f.contains(PAIR) && (f.contains("\"trade_id\":1001")
        || f.contains("\"trade_id\":1002")))).toList();
    int dropAt = served.indexOf(served.stream().filter(f -> f.contains(PAIR) && f.contains("\"trade_id\":1003"))
        .findFirst().orElseThrow());
    FixtureWebSocketServer server = FixtureWebSocketServer.of(vertx, served).dropAfter(dropAt);
    String rest = restServer(vertx, trades);
    TestDatabase cut = TestDatabase.fresh();
    record(vertx, cut, dataDir.resolve("cut"), server, List.of(HORIZON, "backfill.kraken_url=" + rest,
        "connectors.backoff_first_ms=50"), () -> cut.count("trades") >= trades.size() && !cut.query(
            "SELECT 1 FROM coverage_segment WHERE kind = 'hole' AND symbol = '" + PAIR + "' AND state = 'backfilled'")
            .isEmpty());

    assertThat(server.connections()).as("dropped and redialled").isGreaterThanOrEqualTo(2);
    assertThat(requests).as("one page, from just before the last trade before the hole").containsExactly(
        "/0/public/Trades?pair=SCEUR&since=" + (micros(trades, PAIR, FIRST_ID) - 1) * 1000 + "&count=100");
    List<Map<String, Object>> holes = cut.query("SELECT cause, state, recovered FROM coverage_segment"
        + " WHERE kind = 'hole' AND symbol = '" + PAIR + "' AND channel = 'trades' AND end_ts < '" + CAPTURE_END
        + "' ORDER BY start_ts");
    assertThat(holes).as("the ledger shows the disconnect's hole, then backfilled").hasSize(1);
    assertThat(holes.get(0)).containsEntry("cause", "disconnect").containsEntry("state", "backfilled")
        .containsEntry("recovered", 2L);
    assertThat(cut.count("trades")).isEqualTo(uncut.count("trades"));
    assertThat(cut.query(BARS)).as("the stored bars equal those of the uncut stream").isEqualTo(uncut.query(BARS));

    BatchCommands cli = new BatchCommands(cut, dataDir);
    assertThat(cli.run("coverage", "--json", "--venue", "kraken", "--symbol", PAIR, "--channel", "trades", "--to",
        CAPTURE_END)).as(cli.out + "" + cli.err).isZero();
    JsonObject line = CoverageCommandTest.stream(cli.lines(), PAIR);
    assertThat(line.getDouble("percent")).isEqualTo(100.0);
    assertThat(line.getBoolean("complete")).isTrue();
  }

  private static void record(Vertx vertx, TestDatabase db, Path dir, FixtureWebSocketServer server,
      List<String> extra, BooleanSupplier done) {
    List<String> settings = new ArrayList<>(Pipelines.concat(db.settings(), "data_dir=" + dir,
        "synthetic.enabled=false", "web.enabled=false", "connectors.kraken.enabled=true",
        "connectors.kraken.protocol=v2", "connectors.kraken.url=" + server.uri(),
        "connectors.kraken.symbols=[XMR/USD, SC/EUR]", "connectors.kraken.channels=[trades]",
        "coverage.flush_ms=100"));
    settings.addAll(extra);
    Node node = Node.local(vertx, Pipelines.settings(vertx, settings),
        EnumSet.of(Role.INGEST, Role.COMPUTE, Role.PERSIST)).build();
    Await.result(node.start());
    try {
      Await.until(done, WAIT, "the served stream recorded");
    } finally {
      Await.result(node.stop());
      server.close();
    }
  }

  /**
   * The capture's trades in the order recorded, one object per trade: pair, price, volume, time, side, type, the
   * recorded frame it came in, and its id (each pair's numbered from {@link #FIRST_ID}).
   */
  private static List<JsonObject> trades() {
    List<JsonObject> out = new ArrayList<>();
    Map<String, Long> next = new HashMap<>();
    int frame = 0;
    for (CryptofeedCapture.Record r : CryptofeedCapture.readAll(Fixtures.cryptofeed("KRAKEN.ws.48.0"))) {
      if (r.direction() != CryptofeedCapture.Direction.RECEIVED || !r.payload().startsWith("[")) {
        continue;
      }
      JsonArray v1 = new JsonArray(r.payload());
      if (!"trade".equals(v1.getString(v1.size() - 2))) {
        continue;
      }
      String pair = v1.getString(v1.size() - 1);
      frame++;
      for (Object e : v1.getJsonArray(1)) {
        JsonArray entry = (JsonArray) e;
        long id = next.merge(pair, FIRST_ID, (a, b) -> a + 1);
        out.add(new JsonObject().put("pair", pair).put("price", entry.getString(0)).put("volume", entry.getString(1))
            .put("time", entry.getString(2)).put("side", entry.getString(3)).put("type", entry.getString(4))
            .put("frame", frame).put("id", id));
      }
    }
    return out;
  }

  /** One websocket v2 {@code trade} update per recorded frame. */
  private static List<String> v2Frames(List<JsonObject> trades) {
    Map<Integer, List<String>> byFrame = new java.util.TreeMap<>();
    for (JsonObject t : trades) {
      String entry = "{\"symbol\":\"" + t.getString("pair") + "\",\"side\":\""
          + ("b".equals(t.getString("side")) ? "buy" : "sell") + "\",\"price\":" + t.getString("price") + ",\"qty\":"
          + t.getString("volume") + ",\"ord_type\":\"" + ("m".equals(t.getString("type")) ? "market" : "limit")
          + "\",\"trade_id\":" + t.getLong("id") + ",\"timestamp\":\""
          + Instant.ofEpochSecond(0, KrakenTimes.epochSecondsToMicros(t.getString("time")) * 1000) + "\"}";
      byFrame.computeIfAbsent(t.getInteger("frame"), k -> new ArrayList<>()).add(entry);
    }
    return byFrame.values().stream()
        .map(entries -> "{\"channel\":\"trade\",\"type\":\"update\",\"data\":[" + String.join(",", entries) + "]}")
        .toList();
  }

  private static long micros(List<JsonObject> trades, String pair, long id) {
    return trades.stream().filter(t -> pair.equals(t.getString("pair")) && t.getLong("id") == id)
        .map(t -> KrakenTimes.epochSecondsToMicros(t.getString("time"))).findFirst().orElseThrow();
  }

  /** Kraken's trade history of the capture: a pair's trades after {@code since} (ns), at most {@code count}. */
  private String restServer(Vertx vertx, List<JsonObject> trades) {
    HttpServer server = Await.result(vertx.createHttpServer().requestHandler(req -> {
      requests.add(req.uri());
      String pair = req.getParam("pair");
      long sinceMicros = Long.parseLong(req.getParam("since")) / 1000;
      int count = Integer.parseInt(req.getParam("count"));
      List<String> entries = new ArrayList<>();
      long last = sinceMicros;
      for (JsonObject t : trades) {
        long micros = KrakenTimes.epochSecondsToMicros(t.getString("time"));
        if (pair.equals(t.getString("pair").replace("/", "")) && micros > sinceMicros && entries.size() < count) {
          entries.add("[\"" + t.getString("price") + "\",\"" + t.getString("volume") + "\"," + t.getString("time")
              + ",\"" + t.getString("side") + "\",\"" + t.getString("type") + "\",\"\"," + t.getLong("id") + "]");
          last = micros;
        }
      }
      req.response().putHeader("content-type", "application/json").end("{\"error\":[],\"result\":{\"" + pair
          + "\":[" + String.join(",", entries) + "],\"last\":\"" + last * 1000 + "\"}}");
    }).listen(0, "127.0.0.1"));
    return "http://127.0.0.1:" + server.actualPort();
  }
}
