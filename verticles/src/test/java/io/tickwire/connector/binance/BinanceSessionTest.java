package io.tickwire.connector.binance;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.book.OrderBook;
import io.tickwire.codecs.BookUpdate;
import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.MarketEvent;
import io.tickwire.codecs.Quote;
import io.tickwire.codecs.Side;
import io.tickwire.codecs.Trade;
import io.tickwire.connector.venue.RecordingOutput;
import io.tickwire.config.SessionSpec;
import io.tickwire.config.SessionSpec.Channel;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * BinanceSession driven by the recorded traffic (websocket frames and REST snapshots in receive-time order, see
 * {@link BinanceFixtureReplay}) and by frames of the documented shapes the recording lacks.
 */
class BinanceSessionTest {
  private static final List<String> SYMBOLS = List.of("NKNUSDT", "BLZETH", "LRCBTC", "RUNEEUR");

  private final RecordingOutput output = new RecordingOutput();
  private final BinanceSession session = new BinanceSession(
      new SessionSpec(SYMBOLS, EnumSet.allOf(Channel.class), 1000), output);

  @Test
  void theRecordingSyncsEveryBookWithoutAGapOrAnError() {
    List<BinanceFixtureReplay.Step> timeline = BinanceFixtureReplay.timeline();
    BinanceFixtureReplay.play(timeline, session, () -> output.snapshotRequests);

    assertThat(SYMBOLS).allSatisfy(s -> assertThat(session.synced(s)).as(s + " synced").isTrue());
    assertThat(output.gaps).isEmpty();
    assertThat(session.stats().gaps()).isZero();
    assertThat(session.stats().parseErrors()).as(session.stats().lastError()).isZero();
    assertThat(output.drift).isEmpty();
    assertThat(output.snapshotRequests).as("one snapshot per symbol").containsExactlyInAnyOrderElementsOf(SYMBOLS);
    assertThat(session.books().values()).allSatisfy(book -> {
      assertThat(book.crossed()).as(book + " not crossed").isFalse();
      assertThat(book.bestBid()).isNotEqualTo(OrderBook.NONE);
      assertThat(book.bestAsk()).isNotEqualTo(OrderBook.NONE);
    });
    assertThat(books(true)).hasSize(4);
    assertThat(books(false)).as("a delta per diff past its snapshot").hasSize((int) diffsPastSnapshots(timeline));
  }

  @Test
  void aggTradesBecomeExactTradesWithTheAggressorSide() {
    BinanceFixtureReplay.play(BinanceFixtureReplay.timeline(), session, () -> output.snapshotRequests);

    List<Trade> trades = of(Trade.class);
    assertThat(trades).hasSize(2);
    Trade nkn = trades.get(0);
    assertThat(nkn.venue()).isEqualTo("binance");
    assertThat(nkn.symbol()).isEqualTo("NKNUSDT");
    assertThat(nkn.tradeId()).isEqualTo("15683430");
    assertThat(Decimals.toString(nkn.price())).isEqualTo("0.35280000");
    assertThat(Decimals.toString(nkn.size())).isEqualTo("58.00000000");
    assertThat(nkn.side()).as("m=false: the buyer took liquidity").isEqualTo(Side.BUY);
    assertThat(nkn.eventTime()).isEqualTo(1_633_998_523_963_000L);
    assertThat(nkn.ingestTime()).isEqualTo(1_633_998_523_957_215L);
    assertThat(trades.get(1).symbol()).isEqualTo("LRCBTC");
    assertThat(Decimals.toString(trades.get(1).price())).isEqualTo("0.00000638");
  }

  @Test
  void bookTickersBecomeQuotesStampedWithTheirReceiveTime() {
    BinanceFixtureReplay.play(BinanceFixtureReplay.timeline(), session, () -> output.snapshotRequests);

    List<Quote> quotes = of(Quote.class);
    assertThat(quotes).hasSize((int) BinanceFixtureReplay.frames().stream().filter(f -> f.contains("@bookTicker"))
        .count()).hasSize(84);
    Quote first = quotes.get(0);
    assertThat(first.symbol()).isEqualTo("NKNUSDT");
    assertThat(Decimals.toString(first.bidPrice())).isEqualTo("0.35210000");
    assertThat(Decimals.toString(first.bidSize())).isEqualTo("672.00000000");
    assertThat(Decimals.toString(first.askPrice())).isEqualTo("0.35260000");
    assertThat(Decimals.toString(first.askSize())).isEqualTo("3199.00000000");
    assertThat(first.eventTime()).isEqualTo(first.ingestTime()).isEqualTo(1_633_998_513_377_805L);
  }

  @Test
  void aMissingDiffResyncsOnlyItsSymbol() {
    List<BinanceFixtureReplay.Step> timeline = BinanceFixtureReplay.timeline();
    timeline.remove(thirdAppliedDiff(timeline, "NKNUSDT"));
    BinanceFixtureReplay.play(timeline, session, () -> output.snapshotRequests);

    assertThat(output.gaps).hasSize(1);
    assertThat(output.gaps.get(0).symbol()).isEqualTo("NKNUSDT");
    assertThat(output.gaps.get(0).reason()).contains("does not follow update id");
    assertThat(session.stats().gaps()).isEqualTo(1);
    assertThat(session.stats().resyncs()).isEqualTo(1);
    assertThat(output.snapshotRequests).containsExactlyInAnyOrder("NKNUSDT", "BLZETH", "LRCBTC", "RUNEEUR",
        "NKNUSDT");
    assertThat(session.synced("NKNUSDT")).as("waiting for a fresh snapshot").isFalse();
    assertThat(session.books().get("NKNUSDT").bestBid()).isEqualTo(OrderBook.NONE);
    assertThat(List.of("BLZETH", "LRCBTC", "RUNEEUR")).allSatisfy(s -> {
      assertThat(session.synced(s)).as(s).isTrue();
      assertThat(session.books().get(s).crossed()).as(s).isFalse();
    });
  }

  @Test
  void anAggregateIdJumpIsASequenceGapAndAsksForTheMissingIds() {
    session.onFrame(aggTrade("NKNUSDT", 100), 1);
    session.onFrame(aggTrade("NKNUSDT", 101), 2);
    session.onFrame(aggTrade("NKNUSDT", 104), 3);
    session.onFrame(aggTrade("NKNUSDT", 103), 4);
    session.onFrame(aggTrade("LRCBTC", 7), 5);

    String reason = "binance aggregate trade id jumped from 101 to 104 (2 missing)";
    assertThat(output.gaps).extracting(RecordingOutput.Gap::reason).containsExactly(reason);
    assertThat(io.tickwire.coverage.HoleCause.classify(reason)).isEqualTo(io.tickwire.coverage.HoleCause.SEQUENCE_GAP);
    assertThat(output.backfills).as("a late aggregate below the run is no hole")
        .containsExactly(new RecordingOutput.Backfill("NKNUSDT", 101, 104, reason));
    assertThat(output.events).hasSize(5);
  }

  @Test
  void aDisconnectAsksForWhatItCostByAggregateIdAndPlainTradeIdsAskForNothing() {
    session.onFrame(aggTrade("NKNUSDT", 100), 1);
    session.onFrame(plainTrade("LRCBTC", 50), 2);
    session.onDisconnect("peer closed", 3);
    session.onFrame(aggTrade("NKNUSDT", 110), 4);
    session.onFrame(aggTrade("NKNUSDT", 111), 5);
    session.onFrame(plainTrade("LRCBTC", 60), 6);

    assertThat(output.backfills).as("once, by the disconnect's gap reason").containsExactly(
        new RecordingOutput.Backfill("NKNUSDT", 100, 110, "binance disconnected: peer closed"));
    assertThat(output.gaps).extracting(RecordingOutput.Gap::reason).contains("binance disconnected: peer closed");
  }

  private static String aggTrade(String symbol, long id) {
    return "{\"stream\":\"" + symbol.toLowerCase() + "@aggTrade\",\"data\":{\"e\":\"aggTrade\",\"E\":1633998523963,"
        + "\"s\":\"" + symbol + "\",\"a\":" + id + ",\"p\":\"0.35280000\",\"q\":\"58.00000000\",\"f\":1,\"l\":1,"
        + "\"T\":1633998523963,\"m\":false,\"M\":true}}";
  }

  private static String plainTrade(String symbol, long id) {
    return "{\"stream\":\"" + symbol.toLowerCase() + "@trade\",\"data\":{\"e\":\"trade\",\"E\":1633998523963,"
        + "\"s\":\"" + symbol + "\",\"t\":" + id + ",\"p\":\"0.35280000\",\"q\":\"58.00000000\","
        + "\"T\":1633998523963,\"m\":false,\"M\":true}}";
  }

  @Test
  void aDisconnectMarksEverySymbolAndStartsEachBookAgainOnTheNextDiffs() {
    List<BinanceFixtureReplay.Step> timeline = BinanceFixtureReplay.timeline();
    BinanceFixtureReplay.play(timeline, session, () -> output.snapshotRequests);
    output.snapshotRequests.clear();

    session.onDisconnect("server closed the connection (24h limit)", 1_700_000_000_000_000L);

    assertThat(output.gaps).extracting(RecordingOutput.Gap::symbol).containsExactlyElementsOf(SYMBOLS);
    assertThat(output.gaps).allSatisfy(g -> assertThat(g.reason()).contains("24h limit"));
    assertThat(session.stats().gaps()).isEqualTo(1);
    assertThat(session.stats().resyncs()).isEqualTo(4);
    assertThat(session.books().values()).allSatisfy(b -> assertThat(b.bestBid()).isEqualTo(OrderBook.NONE));
    assertThat(output.snapshotRequests).as("nothing asked before the new connection's diffs").isEmpty();

    timeline.stream().filter(s -> s.frame() != null && s.frame().contains("depthUpdate")).limit(40)
        .forEach(s -> session.onFrame(s.frame(), s.at()));
    assertThat(output.snapshotRequests).isNotEmpty().doesNotHaveDuplicates();
  }

  @Test
  void tradeFramesOfTheDocumentedShapesBecomeTrades() throws IOException {
    session.onFrame(resource("trade-combined.json"), 5);
    session.onFrame(resource("trade-raw.json"), 6);

    List<Trade> trades = of(Trade.class);
    assertThat(trades).hasSize(2);
    assertThat(trades.get(0)).isEqualTo(new Trade("binance", "BNBBTC", "12345", Decimals.parse("0.001"),
        Decimals.parse("100"), Side.SELL, 1_672_515_782_136_000L, 5, 0));
    assertThat(trades.get(1).side()).as("m=false: the buyer took liquidity").isEqualTo(Side.BUY);
    assertThat(trades.get(1).tradeId()).isEqualTo("12346");
    assertThat(trades.get(1).eventTime()).as("trade time T, not event time E").isEqualTo(1_672_515_782_139_000L);
    assertThat(session.stats().parseErrors()).isZero();
  }

  @Test
  void acksAndKlinesAreQuietRawBookTickersAreQuotesErrorsAreCounted() throws IOException {
    session.onFrame(resource("subscribe-ack.json"), 1);
    session.onFrame(resource("bookTicker-raw.json"), 2);
    session.onFrame(resource("error.json"), 3);

    assertThat(of(Quote.class)).singleElement().satisfies(q -> {
      assertThat(q.symbol()).isEqualTo("BNBUSDT");
      assertThat(q.eventTime()).isEqualTo(2);
    });
    assertThat(session.stats().parseErrors()).isEqualTo(1);
    assertThat(session.stats().lastError()).contains("code 2").contains("SUBSCRIB");
  }

  @Test
  void badFramesAreCountedWithTheirReasonAndNeverThrown() {
    session.onFrame("not json", 1);
    assertThat(session.stats().lastError()).contains("not json");
    session.onFrame("{\"stream\":\"x@trade\",\"data\":{\"e\":\"trade\",\"s\":\"BNBBTC\",\"t\":1,\"p\":1.5,"
        + "\"q\":\"1\",\"T\":1,\"m\":true}}", 2);
    assertThat(session.stats().lastError()).contains("'p' must be a string, got 1.5");
    session.onFrame("{\"data\":{\"e\":\"depthUpdate\",\"E\":1,\"s\":\"NKNUSDT\",\"u\":5,\"b\":[],\"a\":[]}}", 3);
    assertThat(session.stats().lastError()).contains("'U' is missing");
    session.onFrame("{\"data\":{\"e\":\"depthUpdate\",\"E\":1,\"s\":\"DOGEUSDT\",\"U\":1,\"u\":5,\"b\":[],"
        + "\"a\":[]}}", 4);
    assertThat(session.stats().lastError()).contains("'DOGEUSDT'");
    session.onFrame("{\"data\":{\"e\":\"depthUpdate\",\"E\":1,\"s\":\"NKNUSDT\",\"U\":1,\"u\":5,\"b\":[[\"1\"]],"
        + "\"a\":[]}}", 5);
    assertThat(session.stats().lastError()).contains("[\"1\"]");
    session.onFrame("{\"data\":{\"e\":\"depthUpdate\",\"E\":1,\"s\":\"NKNUSDT\",\"U\":1,\"u\":5,"
        + "\"b\":[[\"1\",\"-2\"]],\"a\":[]}}", 6);
    assertThat(session.stats().lastError()).contains("negative size");
    assertThat(session.stats().parseErrors()).isEqualTo(6);

    session.onFrame("{\"data\":{\"e\":\"outboundAccountPosition\",\"s\":\"BNBBTC\"}}", 6);
    assertThat(output.drift).singleElement().satisfies(d -> assertThat(d.detail()).contains("outboundAccountPosition"));
    assertThat(session.stats().schemaDrift()).isEqualTo(1);
    assertThat(output.events).isEmpty();
  }

  @Test
  void aBadSnapshotIsCountedAndAskedForAgain() {
    session.onFrame("{\"data\":{\"e\":\"depthUpdate\",\"E\":1,\"s\":\"NKNUSDT\",\"U\":1,\"u\":5,\"b\":[],"
        + "\"a\":[]}}", 1);
    session.onSnapshot("NKNUSDT", "{\"code\":-1003,\"msg\":\"Too many requests\"}", 2);

    assertThat(session.stats().lastError()).contains("NKNUSDT").contains("'lastUpdateId' is missing");
    assertThat(output.snapshotRequests).containsExactly("NKNUSDT", "NKNUSDT");
    assertThat(session.synced("NKNUSDT")).isFalse();
  }

  @Test
  void subscribesToTheWantedStreamsInLowerCase() {
    BinanceSession two = new BinanceSession(new SessionSpec(List.of("BTCUSDT", "ethusdt"),
        Set.of(Channel.TRADES, Channel.QUOTES, Channel.BOOK), 100), output);

    List<String> frames = two.subscribeFrames();
    assertThat(frames).singleElement().satisfies(f -> assertThat(new JsonObject(f)).isEqualTo(new JsonObject(
        "{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@trade\",\"btcusdt@bookTicker\",\"btcusdt@depth@100ms\","
            + "\"ethusdt@trade\",\"ethusdt@bookTicker\",\"ethusdt@depth@100ms\"],\"id\":1}")));
    assertThat(new JsonObject(two.subscribeFrames().get(0)).getLong("id")).as("a fresh id per subscription")
        .isEqualTo(2);
    assertThat(BinanceStreams.combinedStreamPath(new SessionSpec(List.of("BTCUSDT"), Set.of(Channel.TRADES), 1)))
        .isEqualTo("/stream?streams=btcusdt@trade");
    assertThat(two.books()).containsOnlyKeys("BTCUSDT", "ETHUSDT");
  }

  private List<BookUpdate> books(boolean snapshot) {
    return of(BookUpdate.class).stream().filter(b -> b.snapshot() == snapshot).toList();
  }

  private <T extends MarketEvent> List<T> of(Class<T> type) {
    return output.events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  private static long diffsPastSnapshots(List<BinanceFixtureReplay.Step> timeline) {
    return timeline.stream().filter(s -> s.frame() != null && s.frame().contains("depthUpdate"))
        .map(s -> new JsonObject(s.frame()).getJsonObject("data"))
        .filter(d -> d.getLong("u") > snapshotId(timeline, d.getString("s"))).count();
  }

  private static BinanceFixtureReplay.Step thirdAppliedDiff(List<BinanceFixtureReplay.Step> timeline, String symbol) {
    return timeline.stream().filter(s -> s.frame() != null && s.frame().contains("depthUpdate"))
        .filter(s -> {
          JsonObject d = new JsonObject(s.frame()).getJsonObject("data");
          return d.getString("s").equals(symbol) && d.getLong("u") > snapshotId(timeline, symbol);
        }).skip(2).findFirst().orElseThrow(() -> new AssertionError("no third applied " + symbol + " diff"));
  }

  private static long snapshotId(List<BinanceFixtureReplay.Step> timeline, String symbol) {
    return timeline.stream().filter(s -> s.snapshot() != null && s.snapshot().symbol().equals(symbol))
        .map(s -> new JsonObject(s.snapshot().body()).getLong("lastUpdateId")).findFirst()
        .orElseThrow(() -> new AssertionError("no snapshot of " + symbol));
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = BinanceSessionTest.class.getResourceAsStream("/binance/" + name)) {
      if (in == null) {
        throw new AssertionError("test resource /binance/" + name + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    }
  }
}
