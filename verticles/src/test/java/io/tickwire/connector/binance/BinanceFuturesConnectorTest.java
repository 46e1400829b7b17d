package io.tickwire.connector.binance;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.config.Role;
import io.tickwire.config.Settings;
import io.tickwire.node.Node;
import io.tickwire.testing.Await;
import io.tickwire.testing.FixtureWebSocketServer;
import io.tickwire.testing.Fixtures;
import io.tickwire.testing.Pipelines;
import io.tickwire.testing.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A node with the binance_futures connector enabled, against a loopback Binance futures stream (the recorded
 * frames, then {@code markPriceUpdate} frames of the documented shape) and a loopback {@code /fapi/v1/depth}
 * answering with the recorded snapshots: books sync, and mark/funding updates go through the router to PostgreSQL.
 */
@ExtendWith(VertxExtension.class)
class BinanceFuturesConnectorTest {
  private static final Duration WAIT = Duration.ofSeconds(60);

  private final List<String> restPaths = new CopyOnWriteArrayList<>();

  @Test
  void markPriceUpdatesBecomeStoredMarkFundingRowsAndTheBooksSyncOverTheFuturesRestApi(Vertx vertx) {
    List<String> frames = new ArrayList<>(BinanceFuturesFixture.frames().stream()
        .map(BinanceFixtureReplay.Step::frame).toList());
    frames.add(BinanceFuturesFixture.markPrice("SUSHIUSDT", "7.61113000", "0.00010000", 1_626_992_800_000L));
    frames.add(BinanceFuturesFixture.markPrice("SUSHIUSDT", "7.61200000", "0.00010000", 1_626_992_801_000L));
    frames.add(BinanceFuturesFixture.markPrice("CTKUSDT", "1.00850000", "-0.00030000", 1_626_992_801_000L));
    FixtureWebSocketServer stream = FixtureWebSocketServer.of(vertx, frames);
    HttpServer rest = restServer(vertx);
    TestDatabase db = TestDatabase.fresh();
    Settings settings = Pipelines.settings(vertx, Pipelines.concat(db.settings(), "synthetic.enabled=false",
        "web.enabled=false", "sink.flush_ms=50", "connectors.binance_futures.enabled=true",
        "connectors.binance_futures.url=" + stream.uri(),
        "connectors.binance_futures.rest_url=http://127.0.0.1:" + rest.actualPort(),
        "connectors.binance_futures.snapshots_per_sec=50",
        "connectors.binance_futures.symbols=[SUSHIUSDT, AKROUSDT, KEEPUSDT, CTKUSDT]"));
    Node node = new Node(vertx, settings, EnumSet.of(Role.INGEST, Role.COMPUTE, Role.PERSIST), List.of(),
        OutputStream.nullOutputStream());
    Await.result(node.start());
    try {
      Await.until(() -> db.count("mark_funding") == 3, WAIT, "three mark/funding rows stored");

      List<Map<String, Object>> rows = db.query("SELECT venue, symbol, mark_price::text AS mark,"
          + " funding_rate::text AS rate, (extract(epoch from next_funding_ts) * 1000)::bigint AS next_ms"
          + " FROM mark_funding ORDER BY symbol, event_ts");
      assertThat(rows).extracting(r -> r.get("venue")).containsOnly("binance_futures");
      assertThat(rows).extracting(r -> r.get("symbol") + " " + r.get("mark") + " " + r.get("rate"))
          .containsExactly("CTKUSDT 1.00850000 -0.00030000", "SUSHIUSDT 7.61113000 0.00010000",
              "SUSHIUSDT 7.61200000 0.00010000");
      assertThat(rows).extracting(r -> r.get("next_ms")).containsOnly(1_626_998_400_000L);
      assertThat(restPaths).as("every snapshot from the futures API").isNotEmpty()
          .allSatisfy(p -> assertThat(p).isEqualTo("/fapi/v1/depth"));
      JsonObject subscribe = new JsonObject(stream.received().get(0));
      assertThat(subscribe.getJsonArray("params").getList()).contains("sushiusdt@markPrice@1s",
          "ctkusdt@aggTrade");
      assertThat(db.count("trades")).as("futures trades are stored under their own venue").isPositive();
      assertThat(db.query("SELECT DISTINCT venue FROM trades")).extracting(r -> r.get("venue"))
          .containsExactly("binance_futures");
    } finally {
      Await.result(node.stop());
      stream.close();
      Await.result(rest.close());
    }
  }

  private HttpServer restServer(Vertx vertx) {
    Map<String, String> bodies = BinanceRestCapture.read(Fixtures.cryptofeed("BINANCE_FUTURES.http.0.0")).stream()
        .collect(Collectors.toMap(BinanceRestCapture.Snapshot::symbol, BinanceRestCapture.Snapshot::body));
    return Await.result(vertx.createHttpServer().requestHandler(req -> {
      restPaths.add(req.path());
      String body = bodies.get(req.getParam("symbol"));
      if (body == null) {
        req.response().setStatusCode(400).end("{\"code\":-1121,\"msg\":\"Invalid symbol.\"}");
      } else {
        req.response().putHeader("Content-Type", "application/json").end(body);
      }
    }).listen(0, "127.0.0.1"));
  }
}
