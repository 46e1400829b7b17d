package io.tickwire.connector.kraken;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.Trade;
import io.tickwire.config.BackfillSettings;
import io.tickwire.connector.venue.RecordingOutput;
import io.tickwire.connector.venue.TradeBackfill;
import io.tickwire.connector.venue.TradeHole;
import io.tickwire.config.SessionSpec;
import io.tickwire.config.SessionSpec.Channel;
import io.tickwire.testing.Await;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Kraken trade backfill ({@link KrakenTradeHistory}) against a loopback REST server in Kraken's documented
 * {@code /0/public/Trades} shape: paged by time with the {@code last} cursor, trades kept by {@code trade_id} and built
 * as the websocket v2 session builds them, and every malformed, hostile or absurd answer counted by reason without
 * reaching the pipeline or changing another pair's hole.
 */
@ExtendWith(VertxExtension.class)
class KrakenTradeBackfillTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  /** Trade 10 at second 1,695,628,000 + 10; ids 11 to 14 are missing. */
  private static final TradeHole HOLE = new TradeHole("BAD/USD", 10, 15, "disconnected: peer closed", micros(10));
  private static final TradeHole GOOD = new TradeHole("GOOD/USD", 10, 15, "disconnected: peer closed", micros(10));

  private final Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final Map<TradeBackfill, Context> contexts = new ConcurrentHashMap<>();

  record Outcome(List<Trade> trades, String why) {
  }

  @Test
  void aHoleIsFetchedByTimeFromItsLastTradeAndPagedWithTheLastCursor(Vertx vertx) {
    TradeHole wide = new TradeHole("MATIC/USD", 1_000, 1_251, "disconnected: peer closed", micros(1_000));
    TradeBackfill backfill = start(vertx, r -> r.response().end(history(r, 1_300)), 10);
    request(backfill, wide);
    Await.until(() -> outcomes.containsKey("MATIC/USD"), WAIT, "the hole's outcome");

    assertThat(requests).as("from just before trade 1000's time, then at each page's last cursor").containsExactly(
        "/0/public/Trades?pair=MATICUSD&since=" + (micros(1_000) - 1) * 1000 + "&count=100",
        "/0/public/Trades?pair=MATICUSD&since=" + micros(1_099) * 1000 + "&count=100",
        "/0/public/Trades?pair=MATICUSD&since=" + micros(1_199) * 1000 + "&count=100");
    Outcome outcome = outcomes.get("MATIC/USD");
    assertThat(outcome.why()).as("backfilled").isNull();
    assertThat(outcome.trades()).hasSize(250);

    // The same trade as the websocket v2 session makes of its entry.
    RecordingOutput live = new RecordingOutput();
    KrakenV2Session session = new KrakenV2Session(new SessionSpec(List.of("MATIC/USD"), Set.of(Channel.TRADES), 10),
        live);
    Trade fetched = outcome.trades().get(0);
    session.onFrame("{\"channel\":\"trade\",\"type\":\"update\",\"data\":[{\"symbol\":\"MATIC/USD\",\"side\":\"sell\","
        + "\"price\":0.5117,\"qty\":40.0,\"ord_type\":\"market\",\"trade_id\":1001,\"timestamp\":\""
        + java.time.Instant.ofEpochSecond(0, micros(1_001) * 1000) + "\"}]}", fetched.ingestTime());
    assertThat(fetched.backfill()).isTrue();
    assertThat(live.events(Trade.class)).as("the websocket's trade, but for the provenance")
        .extracting(Trade::asBackfill).containsExactly(fetched);
  }

  @Test
  void errorsNotJsonWrongShapesAndHugePagesAreRefusedByReason(Vertx vertx) {
    assertRefused(vertx, r -> r.response().end("{\"error\":[\"EQuery:Unknown asset pair\"]}"), "venue_error");
    assertRefused(vertx, r -> r.response().end("<html>busy</html>"), "not_json");
    assertRefused(vertx, r -> r.response().end("{\"error\":[],\"result\":[]}"), "wrong_shape");
    assertRefused(vertx, r -> r.response().end("{\"error\":[],\"result\":{\"A\":[],\"B\":[],\"last\":\"1\"}}"),
        "wrong_shape");
    assertRefused(vertx, r -> r.response().end("{\"error\":[],\"result\":{\"last\":\"1\"}}"), "wrong_shape");
    List<String> entries = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      entries.add(entry(11 + i % 4));
    }
    assertRefused(vertx, r -> r.response().end(page(entries, "1")), "huge_page");
    assertRefused(vertx, r -> r.response().setChunked(true).end("{\"pad\":\"" + "x".repeat(100_000) + "\"}"),
        "too_large");
  }

  @Test
  void absurdIdsAndBadTradesAreSkippedAndCountedWhileTheGoodOnesAreKept(Vertx vertx) {
    List<String> entries = List.of(entry(10), entry(11), entry(12), entry(0), entry(-4),
        entry(13).replace("\"0.5117\"", "\"-1\""), entry(13).replace("\"s\"", "\"x\""),
        entry(14).replace(",14]", ",\"14\"]"), "[\"0.5\",\"1\"]", "42", entry(14).replace("\"40.0\"", "40.0"),
        entry(16));
    TradeBackfill backfill = start(vertx, r -> r.response().end(page(entries, "5")), 10);
    request(backfill, HOLE);
    Await.until(() -> outcomes.containsKey("BAD/USD"), WAIT, "the hole's outcome");

    Outcome outcome = outcomes.get("BAD/USD");
    assertThat(outcome.trades()).extracting(Trade::tradeId).containsExactly("11", "12");
    assertThat(outcome.why()).contains("2 of 4");
    assertThat(backfill.rejected()).containsEntry("absurd_id", 2L).containsEntry("bad_trade", 6L);
  }

  @Test
  void aHostileAnswerForOnePairDoesNotChangeWhatAnotherGets(Vertx vertx) {
    TradeBackfill backfill = start(vertx, r -> {
      if (r.getParam("pair").startsWith("BAD")) {
        r.response().end("{\"error\":[],\"result\":{\"X\":" + "[".repeat(300) + "]".repeat(300) + "}}");
      } else {
        r.response().end(history(r, 15));
      }
    }, 10);
    request(backfill, HOLE);
    request(backfill, GOOD);
    Await.until(() -> outcomes.size() == 2, WAIT, "both outcomes");
    assertThat(outcomes.get("BAD/USD").trades()).isEmpty();
    assertThat(outcomes.get("BAD/USD").why()).isNotNull();
    assertThat(outcomes.get("GOOD/USD").why()).isNull();
    assertThat(outcomes.get("GOOD/USD").trades()).extracting(Trade::tradeId).containsExactly("11", "12", "13", "14");
  }

  @Test
  void aHistoryEndingInsideTheHoleLeavesItUnrecoverable(Vertx vertx) {
    TradeBackfill backfill = start(vertx, r -> r.response().end(history(r, 12)), 10);
    request(backfill, GOOD);
    Await.until(() -> outcomes.containsKey("GOOD/USD"), WAIT, "the hole's outcome");
    assertThat(outcomes.get("GOOD/USD").trades()).extracting(Trade::tradeId).containsExactly("11", "12");
    assertThat(outcomes.get("GOOD/USD").why()).contains("2 of 4");
  }

  /** Trade {@code id} happened at second 1,695,628,000 + id, microsecond id. */
  private static long micros(long id) {
    return (1_695_628_000L + id) * 1_000_000 + id;
  }

  /** Kraken's history of trades 1 to {@code newest}: those after {@code since}, at most {@code count}. */
  private static String history(HttpServerRequest r, long newest) {
    long sinceMicros = Long.parseLong(r.getParam("since")) / 1000;
    int count = Integer.parseInt(r.getParam("count"));
    List<String> entries = new ArrayList<>();
    long last = sinceMicros;
    for (long id = 1; id <= newest && entries.size() < count; id++) {
      if (micros(id) > sinceMicros) {
        entries.add(entry(id));
        last = micros(id);
      }
    }
    return page(entries, Long.toString(last * 1000));
  }

  private static String page(List<String> entries, String last) {
    return "{\"error\":[],\"result\":{\"XMATICZUSD\":[" + String.join(",", entries) + "],\"last\":\"" + last + "\"}}";
  }

  /** One entry as Kraken documents it: [price, volume, time, side, type, misc, trade_id]. */
  private static String entry(long id) {
    long t = micros(Math.max(id, 0));
    String time = (t / 1_000_000) + "." + String.format("%06d", t % 1_000_000);
    return "[\"0.5117\",\"40.0\"," + time + ",\"s\",\"m\",\"\"," + id + "]";
  }

  private void assertRefused(Vertx vertx, Consumer<HttpServerRequest> answer, String reason) {
    outcomes.clear();
    TradeBackfill backfill = start(vertx, answer, 10);
    request(backfill, HOLE);
    Await.until(() -> outcomes.containsKey("BAD/USD"), WAIT, "the hole's outcome");
    assertThat(outcomes.get("BAD/USD").trades()).as(reason).isEmpty();
    assertThat(outcomes.get("BAD/USD").why()).as(reason).startsWith("refused");
    assertThat(backfill.rejected()).as(reason).containsKey(reason);
  }

  private TradeBackfill start(Vertx vertx, Consumer<HttpServerRequest> answer, int maxPages) {
    HttpServer server = Await.result(vertx.createHttpServer().requestHandler(r -> {
      requests.add(r.uri());
      answer.accept(r);
    }).listen(0, "127.0.0.1"));
    String base = "http://127.0.0.1:" + server.actualPort();
    Context context = vertx.getOrCreateContext();
    TradeBackfill[] made = new TradeBackfill[1];
    BackfillSettings settings = new BackfillSettings(true, null, URI.create(base), null, null, 100, maxPages, 100,
        65_536, 10, 5_000);
    context.runOnContext(v -> made[0] = new TradeBackfill(vertx, base, new KrakenTradeHistory(), settings,
        (hole, trades, why) -> outcomes.put(hole.symbol(), new Outcome(List.copyOf(trades), why))));
    Await.until(() -> made[0] != null, WAIT, "the backfill made on its context");
    contexts.put(made[0], context);
    return made[0];
  }

  private void request(TradeBackfill backfill, TradeHole hole) {
    contexts.get(backfill).runOnContext(v -> backfill.request(hole));
  }
}
