package io.tickwire.connector.coinbase;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.Trade;
import io.tickwire.config.BackfillSettings;
import io.tickwire.connector.venue.TradeBackfill;
import io.tickwire.connector.venue.TradeHole;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Coinbase trade-history backfill against a loopback REST server answering badly on purpose: every malformed,
 * hostile or absurd answer is counted by reason, never reaches the pipeline, leaves the hole unrecoverable with the
 * reason, and does not change what another symbol's hole gets.
 */
@ExtendWith(VertxExtension.class)
class TradeBackfillTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  /** Ids 11 to 14 are missing. */
  private static final TradeHole HOLE = new TradeHole("BAD-USD", 10, 15, "trade_id jumped from 10 to 15 (4 missing)");
  private static final TradeHole GOOD = new TradeHole("GOOD-USD", 10, 15, "trade_id jumped from 10 to 15 (4 missing)");

  private final Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
  private final AtomicInteger requests = new AtomicInteger();

  record Outcome(List<Trade> trades, String why) {
  }

  @Test
  void notJsonWrongShapeAndHugePagesAreRefusedByReason(Vertx vertx) {
    assertRefused(vertx, r -> r.response().end("<html>rate limited</html>"), "not_json");
    assertRefused(vertx, r -> r.response().end("{\"message\":\"NotFound\"}"), "wrong_shape");
    JsonArray huge = new JsonArray();
    for (int i = 0; i < 101; i++) {
      huge.add(trade(14 - i % 4));
    }
    assertRefused(vertx, r -> r.response().end(huge.encode()), "huge_page");
  }

  @Test
  void anAnswerLargerThanTheCapIsCutOffAndRefused(Vertx vertx) {
    String big = "[" + "{\"pad\":\"" + "x".repeat(100_000) + "\"}" + "]";
    assertRefused(vertx, r -> r.response().setChunked(true).end(big), "too_large");
  }

  @Test
  void absurdIdsAndBadTradesAreSkippedAndCountedWhileTheGoodOnesAreKept(Vertx vertx) {
    JsonArray page = new JsonArray().add(trade(14)).add(trade(13)).add(trade(99_999_999_999L)).add(trade(-3))
        .add(new JsonObject().put("trade_id", "12")).add(trade(12).put("price", "-1")).add(trade(11).put("side", "up"))
        .add(1.5).add(trade(10));
    TradeBackfill backfill = start(vertx, r -> r.response().end(page.encode()), settings(65_536, 10));
    request(vertx, backfill, HOLE);
    Await.until(() -> outcomes.containsKey("BAD-USD"), WAIT, "the hole's outcome");
    Outcome outcome = outcomes.get("BAD-USD");
    assertThat(outcome.trades()).extracting(Trade::tradeId).containsExactly("14", "13");
    assertThat(outcome.why()).contains("2 of 4");
    assertThat(backfill.rejected()).containsEntry("absurd_id", 2L).containsEntry("bad_trade", 4L);
    assertThat(exported.get("bad_trade").getAsLong()).as("exported as it counts").isEqualTo(4L);
  }

  @Test
  void aClientErrorIsNotRetriedAndAServerErrorIsRetriedABoundedNumberOfTimes(Vertx vertx) {
    assertRefused(vertx, r -> r.response().setStatusCode(400).end("{\"message\":\"bad\"}"), "http_400");
    assertThat(requests.get()).isEqualTo(1);
    requests.set(0);
    assertRefused(vertx, r -> r.response().setStatusCode(503).end(), "http_503");
    assertThat(requests.get()).isEqualTo(3);
  }

  @Test
  void aHostileAnswerForOneSymbolDoesNotChangeWhatAnotherGets(Vertx vertx) {
    TradeBackfill backfill = start(vertx, r -> {
      if (r.path().contains("BAD-USD")) {
        r.response().end("[" + "[".repeat(100) + "]".repeat(100) + "]");
      } else {
        r.response().end(new JsonArray().add(trade(14)).add(trade(13)).add(trade(12)).add(trade(11)).add(trade(10))
            .encode());
      }
    }, settings(65_536, 10));
    request(vertx, backfill, HOLE);
    request(vertx, backfill, GOOD);
    Await.until(() -> outcomes.size() == 2, WAIT, "both outcomes");
    assertThat(outcomes.get("BAD-USD").why()).isNotNull();
    assertThat(outcomes.get("BAD-USD").trades()).isEmpty();
    assertThat(outcomes.get("GOOD-USD").why()).as("backfilled").isNull();
    assertThat(outcomes.get("GOOD-USD").trades()).extracting(Trade::tradeId).containsExactly("14", "13", "12", "11");
  }

  @Test
  void holesBeyondTheQueueCapAreRefusedAtOnce(Vertx vertx) {
    TradeBackfill backfill = start(vertx, r -> vertx.setTimer(200, id -> r.response().end("[]")), settings(65_536, 1));
    for (int i = 0; i < 5; i++) {
      request(vertx, backfill, new TradeHole("S" + i, 10, 15, "jump " + i));
    }
    Await.until(() -> outcomes.size() == 5, WAIT, "every hole answered");
    assertThat(backfill.rejected()).containsEntry("queue_full", 3L);
    assertThat(outcomes.values()).filteredOn(o -> o.why().contains("queue full")).hasSize(3);
  }

  private void assertRefused(Vertx vertx, Consumer<HttpServerRequest> answer, String reason) {
    outcomes.clear();
    TradeBackfill backfill = start(vertx, answer, settings(65_536, 10));
    request(vertx, backfill, HOLE);
    Await.until(() -> outcomes.containsKey("BAD-USD"), WAIT, "the hole's outcome");
    Outcome outcome = outcomes.get("BAD-USD");
    assertThat(outcome.trades()).as(reason).isEmpty();
    assertThat(outcome.why()).as(reason).startsWith("refused");
    assertThat(backfill.rejected()).as(reason).containsKey(reason);
  }

  private TradeBackfill start(Vertx vertx, Consumer<HttpServerRequest> answer, BackfillSettings settings) {
    HttpServer server = Await.result(vertx.createHttpServer().requestHandler(r -> {
      requests.incrementAndGet();
      answer.accept(r);
    }).listen(0, "127.0.0.1"));
    String base = "http://127.0.0.1:" + server.actualPort();
    Context context = vertx.getOrCreateContext();
    TradeBackfill[] made = new TradeBackfill[1];
    context.runOnContext(v -> made[0] = new TradeBackfill(vertx, base, new CoinbaseTradeHistory(), settings,
        (hole, trades, why) -> outcomes.put(hole.symbol(), new Outcome(List.copyOf(trades), why)),
        (reason, count) -> exported.put(reason, count)));
    Await.until(() -> made[0] != null, WAIT, "the backfill made on its context");
    contexts.put(made[0], context);
    return made[0];
  }

  private final Map<TradeBackfill, Context> contexts = new ConcurrentHashMap<>();
  /** The counters the backfill exports (to /metrics in a connector), by reason. */
  private final Map<String, java.util.function.LongSupplier> exported = new ConcurrentHashMap<>();

  private void request(Vertx vertx, TradeBackfill backfill, TradeHole hole) {
    contexts.get(backfill).runOnContext(v -> backfill.request(hole));
  }

  private static BackfillSettings settings(int maxBodyBytes, int maxQueued) {
    return new BackfillSettings(true, URI.create("http://127.0.0.1"), null, null, null, 100, 3, 100, maxBodyBytes,
        maxQueued, 5_000);
  }

  private static JsonObject trade(long id) {
    return new JsonObject().put("time", "2021-04-17T16:43:40.123456Z").put("trade_id", id).put("price", "0.79")
        .put("size", "10").put("side", "sell");
  }

}
