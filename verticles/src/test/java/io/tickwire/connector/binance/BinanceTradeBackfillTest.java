package io.tickwire.connector.binance;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.Side;
import io.tickwire.codecs.Trade;
import io.tickwire.config.BackfillSettings;
import io.tickwire.connector.venue.TradeBackfill;
import io.tickwire.connector.venue.TradeHole;
import io.tickwire.flow.TokenBucket;
import io.tickwire.testing.Await;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Binance aggregate-trade backfill ({@link BinanceTradeHistory}) against a loopback REST server in Binance's
 * documented {@code /api/v3/aggTrades} shape: paged forwards by aggregate id, trades built as the websocket builds
 * them, and every malformed, hostile or absurd answer counted by reason without reaching the pipeline or changing
 * another symbol's hole. It spends the request budget it is given (the depth snapshots').
 */
@ExtendWith(VertxExtension.class)
class BinanceTradeBackfillTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  /** Aggregate ids 11 to 14 are missing. */
  private static final TradeHole HOLE = new TradeHole("BADUSDT", 10, 15, "binance disconnected: peer closed");
  private static final TradeHole GOOD = new TradeHole("GOODUSDT", 10, 15, "binance disconnected: peer closed");

  private final Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final Map<TradeBackfill, Context> contexts = new ConcurrentHashMap<>();

  record Outcome(List<Trade> trades, String why) {
  }

  @Test
  void aHoleIsFetchedPageByPageFromTheFirstMissingIdAndBuiltAsTheStreamBuildsIt(Vertx vertx) {
    TradeHole wide = new TradeHole("NKNUSDT", 1_000, 1_251, "binance disconnected: peer closed");
    TradeBackfill backfill = start(vertx, r -> {
      long from = Long.parseLong(r.getParam("fromId"));
      int limit = Integer.parseInt(r.getParam("limit"));
      JsonArray page = new JsonArray();
      for (long id = from; id < from + limit && id <= 1_300; id++) {
        page.add(aggTrade(id));
      }
      r.response().end(page.encode());
    }, settings(10, 10), null);
    request(backfill, wide);
    Await.until(() -> outcomes.containsKey("NKNUSDT"), WAIT, "the hole's outcome");

    assertThat(requests).containsExactly("/api/v3/aggTrades?symbol=NKNUSDT&fromId=1001&limit=100",
        "/api/v3/aggTrades?symbol=NKNUSDT&fromId=1101&limit=100",
        "/api/v3/aggTrades?symbol=NKNUSDT&fromId=1201&limit=100");
    Outcome outcome = outcomes.get("NKNUSDT");
    assertThat(outcome.why()).as("backfilled").isNull();
    assertThat(outcome.trades()).hasSize(250);
    JsonObject payload = aggTrade(1_001).put("e", "aggTrade").put("E", 1_633_998_523_963L).put("s", "NKNUSDT");
    Trade live = BinanceMarketFrames.trade("binance", payload, true, outcome.trades().get(0).ingestTime());
    assertThat(outcome.trades().get(0)).as("the trade the websocket's aggTrade makes, marked as backfilled")
        .isEqualTo(live.asBackfill());
    assertThat(live.side()).isEqualTo(Side.BUY);
    assertThat(Decimals.toString(live.price())).isEqualTo("0.35280000");
  }

  @Test
  void notJsonWrongShapeAndHugePagesAreRefusedByReason(Vertx vertx) {
    assertRefused(vertx, r -> r.response().end("<html>busy</html>"), "not_json");
    assertRefused(vertx, r -> r.response().end("{\"code\":-1121,\"msg\":\"Invalid symbol.\"}"), "wrong_shape");
    JsonArray huge = new JsonArray();
    for (int i = 0; i < 101; i++) {
      huge.add(aggTrade(11 + i % 4));
    }
    assertRefused(vertx, r -> r.response().end(huge.encode()), "huge_page");
    assertRefused(vertx, r -> r.response().setChunked(true).end("[\"" + "x".repeat(100_000) + "\"]"), "too_large");
    assertRefused(vertx, r -> r.response().setStatusCode(418).end(), "http_418");
  }

  @Test
  void absurdIdsAndBadTradesAreSkippedAndCountedWhileTheGoodOnesAreKept(Vertx vertx) {
    JsonArray page = new JsonArray().add(aggTrade(11)).add(aggTrade(12)).add(aggTrade(3)).add(aggTrade(-7))
        .add(new JsonObject().put("a", "13")).add(aggTrade(13).put("p", "-1")).add(aggTrade(14).put("m", "maybe"))
        .add(aggTrade(14).put("q", "1e999999")).add(aggTrade(14).put("T", 0)).add(2.5).add(aggTrade(16));
    TradeBackfill backfill = start(vertx, r -> r.response().end(page.encode()), settings(10, 10), null);
    request(backfill, HOLE);
    Await.until(() -> outcomes.containsKey("BADUSDT"), WAIT, "the hole's outcome");

    Outcome outcome = outcomes.get("BADUSDT");
    assertThat(outcome.trades()).extracting(Trade::tradeId).containsExactly("11", "12");
    assertThat(outcome.why()).contains("2 of 4");
    assertThat(backfill.rejected()).containsEntry("absurd_id", 2L).containsEntry("bad_trade", 6L);
  }

  @Test
  void aHostileAnswerForOneSymbolDoesNotChangeWhatAnotherGets(Vertx vertx) {
    TradeBackfill backfill = start(vertx, r -> {
      if ("BADUSDT".equals(r.getParam("symbol"))) {
        r.response().end("[" + "[".repeat(200) + "]".repeat(200) + "]");
      } else {
        r.response().end(new JsonArray().add(aggTrade(11)).add(aggTrade(12)).add(aggTrade(13)).add(aggTrade(14))
            .add(aggTrade(15)).encode());
      }
    }, settings(10, 10), null);
    request(backfill, HOLE);
    request(backfill, GOOD);
    Await.until(() -> outcomes.size() == 2, WAIT, "both outcomes");
    assertThat(outcomes.get("BADUSDT").trades()).isEmpty();
    assertThat(outcomes.get("BADUSDT").why()).isNotNull();
    assertThat(outcomes.get("GOODUSDT").why()).isNull();
    assertThat(outcomes.get("GOODUSDT").trades()).extracting(Trade::tradeId).containsExactly("11", "12", "13", "14");
  }

  @Test
  void itSpendsTheRequestBudgetItIsGiven(Vertx vertx) {
    // One token, and the next in 100 s: the backfill's request takes it, so nothing else may ask meanwhile.
    TokenBucket shared = new TokenBucket(0.01, 1, System.nanoTime());
    TradeBackfill backfill = start(vertx, r -> r.response().end(new JsonArray().add(aggTrade(11)).add(aggTrade(12))
        .add(aggTrade(13)).add(aggTrade(14)).encode()), settings(100, 10), shared);
    request(backfill, GOOD);
    Await.until(() -> outcomes.containsKey("GOODUSDT"), WAIT, "the hole's outcome");
    assertThat(outcomes.get("GOODUSDT").why()).isNull();
    assertThat(shared.tryTake(System.nanoTime())).as("the shared bucket's token was spent").isFalse();
  }

  private void assertRefused(Vertx vertx, Consumer<HttpServerRequest> answer, String reason) {
    outcomes.clear();
    TradeBackfill backfill = start(vertx, answer, settings(10, 10), null);
    request(backfill, HOLE);
    Await.until(() -> outcomes.containsKey("BADUSDT"), WAIT, "the hole's outcome");
    assertThat(outcomes.get("BADUSDT").trades()).as(reason).isEmpty();
    assertThat(outcomes.get("BADUSDT").why()).as(reason).startsWith("refused");
    assertThat(backfill.rejected()).as(reason).containsKey(reason);
  }

  private TradeBackfill start(Vertx vertx, Consumer<HttpServerRequest> answer, BackfillSettings settings,
      TokenBucket shared) {
    HttpServer server = Await.result(vertx.createHttpServer().requestHandler(r -> {
      requests.add(r.uri());
      answer.accept(r);
    }).listen(0, "127.0.0.1"));
    String base = "http://127.0.0.1:" + server.actualPort();
    Context context = vertx.getOrCreateContext();
    TradeBackfill[] made = new TradeBackfill[1];
    TradeBackfill.Answers answers = (hole, trades, why) -> outcomes.put(hole.symbol(),
        new Outcome(List.copyOf(trades), why));
    context.runOnContext(v -> made[0] = shared == null
        ? new TradeBackfill(vertx, base, new BinanceTradeHistory(BinanceMarket.SPOT), settings, answers)
        : new TradeBackfill(vertx, base, new BinanceTradeHistory(BinanceMarket.SPOT), settings, answers,
            (reason, count) -> { }, shared));
    Await.until(() -> made[0] != null, WAIT, "the backfill made on its context");
    contexts.put(made[0], context);
    return made[0];
  }

  private void request(TradeBackfill backfill, TradeHole hole) {
    contexts.get(backfill).runOnContext(v -> backfill.request(hole));
  }

  private static BackfillSettings settings(int maxPages, int maxQueued) {
    return new BackfillSettings(true, null, null, URI.create("http://127.0.0.1"), null, 100, maxPages, 100, 65_536,
        maxQueued, 5_000);
  }

  /** One item of Binance's documented {@code aggTrades} answer. */
  private static JsonObject aggTrade(long id) {
    return new JsonObject().put("a", id).put("p", "0.35280000").put("q", "58.00000000").put("f", id * 2)
        .put("l", id * 2).put("T", 1_633_998_523_963L).put("m", false).put("M", true);
  }
}
