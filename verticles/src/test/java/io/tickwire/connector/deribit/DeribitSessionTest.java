package io.tickwire.connector.deribit;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.BookUpdate;
import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.IsoTime;
import io.tickwire.codecs.MarkFunding;
import io.tickwire.codecs.OptionTicker;
import io.tickwire.codecs.OptionType;
import io.tickwire.codecs.Quote;
import io.tickwire.codecs.Side;
import io.tickwire.codecs.Trade;
import io.tickwire.codecs.VolatilityIndex;
import io.tickwire.config.SessionSpec;
import io.tickwire.config.SessionSpec.Channel;
import io.tickwire.connector.venue.CountingOutput;
import io.tickwire.connector.venue.RecordingOutput;
import io.tickwire.connector.venue.SessionStats;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * DeribitSession driven by the recorded traffic (option tickers and books of 10 options) and by frames of the
 * documented shapes the recording lacks (heartbeats, trades, DVOL, perpetual tickers, error replies).
 */
class DeribitSessionTest {
  private static final String BOOK_OF_ONE = "BTC-31DEC21-34000-P";

  private final RecordingOutput output = new RecordingOutput();
  private final SessionStats stats = new SessionStats();

  private DeribitSession replaySession() {
    return new DeribitSession(new SessionSpec(List.of(SessionSpec.ANY_SYMBOL), EnumSet.allOf(Channel.class), 1000),
        stats, new CountingOutput(stats, output), DeribitOptions.REPLAY);
  }

  private DeribitSession liveSession(List<String> instruments, List<String> dvol) {
    return new DeribitSession(new SessionSpec(instruments, EnumSet.of(Channel.TRADES, Channel.QUOTES, Channel.BOOK),
        1000), stats, new CountingOutput(stats, output), new DeribitOptions("100ms", "raw", 30, dvol, 100));
  }

  private static void play(DeribitSession session, List<DeribitFixture.Frame> frames) {
    frames.forEach(f -> session.onFrame(f.text(), f.receivedMicros()));
  }

  @Test
  void theRecordingKeepsEveryBookInSyncWithoutAGapOrAnError() {
    DeribitSession session = replaySession();
    play(session, DeribitFixture.frames());

    assertThat(stats.parseErrors()).as(stats.lastError()).isZero();
    assertThat(stats.schemaDrift()).as(stats.lastError()).isZero();
    assertThat(stats.optionTickers()).isEqualTo(DeribitFixture.OPTION_TICKERS);
    assertThat(stats.trades()).as("the recording has no trade").isZero();
    assertThat(session.books()).hasSize(DeribitFixture.BOOKS);
    assertThat(session.booksInSync()).isEqualTo(DeribitFixture.BOOKS);
    assertThat(stats.continuous()).isEqualTo(DeribitFixture.CHANGES);
    assertThat(stats.resyncs()).isZero();
    assertThat(stats.gaps()).isZero();
    assertThat(output.gaps).isEmpty();
    assertThat(output.sent).as("a replay's session asks for nothing").isEmpty();
    assertThat(output.events(BookUpdate.class)).hasSize(DeribitFixture.BOOKS + DeribitFixture.CHANGES)
        .filteredOn(BookUpdate::snapshot).hasSize(DeribitFixture.BOOKS);
    assertThat(session.books().values()).allSatisfy(book -> assertThat(book.crossed()).isFalse());
  }

  @Test
  void anOptionTickerCarriesItsContractPricesVolatilitiesAndGreeksExactly() {
    play(replaySession(), DeribitFixture.frames());

    OptionTicker eth = output.events(OptionTicker.class).stream()
        .filter(t -> t.symbol().equals("ETH-30JUL21-2800-C")).findFirst().orElseThrow();
    assertThat(eth.venue()).isEqualTo("deribit");
    assertThat(eth.contract().underlying()).isEqualTo("ETH-30JUL21");
    assertThat(eth.contract().expiry()).isEqualTo(IsoTime.parse("2021-07-30T08:00:00Z"));
    assertThat(Decimals.toString(eth.contract().strike())).isEqualTo("2800");
    assertThat(eth.contract().type()).isEqualTo(OptionType.CALL);
    assertThat(Decimals.toString(eth.markPrice())).isEqualTo("0.001972");
    assertThat(Decimals.toString(eth.bidPrice())).isEqualTo("0.0015");
    assertThat(Decimals.toString(eth.bidSize())).isEqualTo("4714.0");
    assertThat(Decimals.toString(eth.askPrice())).isEqualTo("0.0025");
    assertThat(Decimals.toString(eth.underlyingPrice())).isEqualTo("2003.61");
    assertThat(Decimals.toString(eth.indexPrice())).isEqualTo("2006.72");
    assertThat(Decimals.toString(eth.openInterest())).isEqualTo("12685.0");
    assertThat(eth.markIv()).isEqualTo(120.74);
    assertThat(eth.bidIv()).isEqualTo(115.62);
    assertThat(eth.askIv()).isEqualTo(125.63);
    assertThat(eth.greeks().delta()).isEqualTo(0.03127);
    assertThat(eth.greeks().gamma()).isEqualTo(0.0002);
    assertThat(eth.greeks().vega()).isEqualTo(0.20072);
    assertThat(eth.greeks().theta()).isEqualTo(-1.64029);
    assertThat(eth.eventTime()).isEqualTo(1_626_993_723_632_000L);
    assertThat(eth.ingestTime()).isEqualTo(1_626_993_723_804_855L);

    OptionTicker noBid = output.events(OptionTicker.class).stream()
        .filter(t -> t.symbol().equals("ETH-23JUL21-2300-C")).findFirst().orElseThrow();
    assertThat(Decimals.unscaled(noBid.bidPrice())).as("no bid").isZero();
    assertThat(noBid.bidIv()).as("no bid, no bid volatility").isNaN();
    assertThat(noBid.askIv()).isEqualTo(227.51);
  }

  @Test
  void aMissingChangeResyncsThatInstrumentsBookAloneByResubscribingIt() {
    DeribitSession session = replaySession();
    play(session, withoutFirstChangeOf(BOOK_OF_ONE));

    assertThat(stats.resyncs()).isEqualTo(1);
    assertThat(stats.gaps()).isEqualTo(1);
    assertThat(output.gaps).singleElement().satisfies(g -> {
      assertThat(g.symbol()).isEqualTo(BOOK_OF_ONE);
      assertThat(g.reason()).contains("prev_change_id", "resubscribed");
    });
    assertThat(output.sent).hasSize(2);
    assertThat(new JsonObject(output.sent.get(0)).getString("method")).isEqualTo("public/unsubscribe");
    assertThat(new JsonObject(output.sent.get(1)).getJsonObject("params").getJsonArray("channels"))
        .containsExactly("book." + BOOK_OF_ONE + ".raw");
    assertThat(session.booksInSync()).isEqualTo(DeribitFixture.BOOKS - 1);
    assertThat(session.books().get(BOOK_OF_ONE).depth(Side.BUY)).as("a broken book is cleared").isZero();
    assertThat(stats.continuous()).as("the other books' changes, one missing, one breaking, one waiting")
        .isEqualTo(DeribitFixture.CHANGES - 3);
    assertThat(stats.parseErrors()).isZero();
  }

  @Test
  void aSnapshotAfterTheResubscriptionBringsTheBookBack() {
    DeribitSession session = replaySession();
    List<DeribitFixture.Frame> frames = withoutFirstChangeOf(BOOK_OF_ONE);
    play(session, frames);
    DeribitFixture.Frame snapshot = DeribitFixture.frames().stream()
        .filter(f -> f.text().contains("\"book." + BOOK_OF_ONE) && f.text().contains("\"snapshot\"")).findFirst()
        .orElseThrow();
    session.onFrame(snapshot.text(), snapshot.receivedMicros());

    assertThat(session.booksInSync()).isEqualTo(DeribitFixture.BOOKS);
    assertThat(session.books().get(BOOK_OF_ONE).depth(Side.BUY)).isPositive();
  }

  @Test
  void subscriptionsAskForHeartbeatsThenEveryChannelInBoundedRequests() {
    List<String> instruments = new ArrayList<>();
    for (int strike = 1; strike <= 40; strike++) {
      instruments.add("BTC-24SEP21-" + strike * 1000 + "-C");
    }
    DeribitSession session = liveSession(instruments, List.of("btc_usd"));
    List<String> frames = session.subscribeFrames();

    JsonObject heartbeat = new JsonObject(frames.get(0));
    assertThat(heartbeat.getString("jsonrpc")).isEqualTo("2.0");
    assertThat(heartbeat.getString("method")).isEqualTo("public/set_heartbeat");
    assertThat(heartbeat.getJsonObject("params").getInteger("interval")).isEqualTo(30);
    List<Object> channels = new ArrayList<>();
    for (String frame : frames.subList(1, frames.size())) {
      JsonObject request = new JsonObject(frame);
      assertThat(request.getString("method")).isEqualTo("public/subscribe");
      JsonArray chunk = request.getJsonObject("params").getJsonArray("channels");
      assertThat(chunk.size()).isLessThanOrEqualTo(DeribitRequests.CHANNELS_PER_REQUEST);
      channels.addAll(chunk.getList());
    }
    assertThat(channels).hasSize(1 + 40 * 3).contains("deribit_volatility_index.btc_usd",
        "ticker.BTC-24SEP21-1000-C.100ms", "book.BTC-24SEP21-1000-C.raw", "trades.BTC-24SEP21-40000-C.raw");
    assertThat(frames.stream().map(f -> new JsonObject(f).getLong("id")).distinct()).hasSize(frames.size());
  }

  @Test
  void aTestRequestHeartbeatIsAnsweredWithPublicTest() {
    DeribitSession session = liveSession(List.of("BTC-PERPETUAL"), List.of());
    session.onFrame("{\"jsonrpc\":\"2.0\",\"method\":\"heartbeat\",\"params\":{\"type\":\"heartbeat\"}}", 1);
    assertThat(output.sent).isEmpty();
    session.onFrame("{\"jsonrpc\":\"2.0\",\"method\":\"heartbeat\",\"params\":{\"type\":\"test_request\"}}", 2);

    assertThat(output.sent).singleElement().satisfies(frame -> {
      JsonObject test = new JsonObject(frame);
      assertThat(test.getString("method")).isEqualTo("public/test");
      assertThat(test.getString("jsonrpc")).isEqualTo("2.0");
    });
    assertThat(stats.heartbeats()).isEqualTo(1);
    session.onFrame("{\"jsonrpc\":\"2.0\",\"id\":" + new JsonObject(output.sent.get(0)).getLong("id")
        + ",\"result\":{\"version\":\"1.2.26\"}}", 3);
    assertThat(stats.parseErrors()).isZero();
  }

  @Test
  void tradesBecomeExactTradesWithTheTakersSideIdentifiedByTheirSequenceInTheInstrument() {
    DeribitSession session = liveSession(List.of("BTC-PERPETUAL"), List.of());
    session.onFrame(notification("trades.BTC-PERPETUAL.raw", "[{\"trade_seq\":30289432,\"trade_id\":\"48079254\","
        + "\"timestamp\":1590484156350,\"tick_direction\":0,\"price\":8950.0,\"mark_price\":8948.9,"
        + "\"instrument_name\":\"BTC-PERPETUAL\",\"index_price\":8955.88,\"direction\":\"sell\",\"amount\":10.0},"
        + "{\"trade_seq\":30289433,\"trade_id\":\"48079255\",\"timestamp\":1590484156350,\"tick_direction\":1,"
        + "\"price\":8950.5,\"mark_price\":8948.9,\"instrument_name\":\"BTC-PERPETUAL\",\"index_price\":8955.88,"
        + "\"direction\":\"buy\",\"amount\":0.1}]"), 5);

    List<Trade> trades = output.events(Trade.class);
    assertThat(trades).hasSize(2);
    assertThat(trades.get(0)).as("the instrument's own sequence is the id, so holes are checked per instrument")
        .isEqualTo(new Trade("deribit", "BTC-PERPETUAL", "30289432", Decimals.parse("8950.0"),
            Decimals.parse("10.0"), Side.SELL, 1_590_484_156_350_000L, 5, 0));
    assertThat(trades.get(1).side()).isEqualTo(Side.BUY);
    assertThat(stats.trades()).isEqualTo(2);
  }

  @Test
  void aDvolNotificationBecomesAVolatilityIndexValue() {
    DeribitSession session = liveSession(List.of("BTC-PERPETUAL"), List.of("btc_usd"));
    session.onFrame(notification("deribit_volatility_index.btc_usd",
        "{\"volatility\":129.36,\"timestamp\":1619777946007,\"index_name\":\"btc_usd\"}"), 9);

    assertThat(output.events(VolatilityIndex.class)).containsExactly(new VolatilityIndex("deribit", "btc_usd",
        Decimals.parse("129.36"), 1_619_777_946_007_000L, 9, 0));
    assertThat(stats.volatilityIndex()).isEqualTo(1);
  }

  @Test
  void aPerpetualTickerBecomesAMarkFundingUpdateAndAQuote() {
    DeribitSession session = liveSession(List.of("BTC-PERPETUAL"), List.of());
    session.onFrame(notification("ticker.BTC-PERPETUAL.100ms", "{\"timestamp\":1623060194301,"
        + "\"stats\":{\"volume_usd\":1.0,\"volume\":1.0,\"price_change\":0.1,\"low\":1.0,\"high\":2.0},"
        + "\"state\":\"open\",\"settlement_price\":36798.68,\"open_interest\":502097590,\"min_price\":35898.37,"
        + "\"max_price\":36991.72,\"mark_price\":36446.51,\"last_price\":36457.5,\"interest_value\":1.7362511643080387,"
        + "\"instrument_name\":\"BTC-PERPETUAL\",\"index_price\":36441.64,\"funding_8h\":0.0000211,"
        + "\"estimated_delivery_price\":36441.64,\"current_funding\":0.0,\"best_bid_price\":36442.5,"
        + "\"best_bid_amount\":5000.0,\"best_ask_price\":36443.0,\"best_ask_amount\":100.0}"), 11);

    assertThat(output.events(MarkFunding.class)).containsExactly(new MarkFunding("deribit", "BTC-PERPETUAL",
        Decimals.parse("36446.51"), Decimals.parse("36441.64"), Decimals.parse("36441.64"),
        Decimals.parse("0.0000211"), 0, 1_623_060_194_301_000L, 11, 0));
    assertThat(output.events(Quote.class)).singleElement().satisfies(q -> {
      assertThat(Decimals.toString(q.bidPrice())).isEqualTo("36442.5");
      assertThat(Decimals.toString(q.askSize())).isEqualTo("100.0");
    });
  }

  @Test
  void badFramesAreCountedWithTheirReasonAndOtherInstrumentsCarryOn() {
    DeribitSession session = replaySession();
    List<DeribitFixture.Frame> frames = DeribitFixture.frames();
    play(session, frames.subList(0, frames.size() / 2));
    String[] bad = {
        "not json",
        "[1,2]",
        "{\"jsonrpc\":\"2.0\",\"method\":\"subscription\",\"params\":{\"channel\":\"book.X-1.raw\"}}",
        notification("book.BTC-24SEP21-8000-P.raw", "{\"type\":\"change\",\"timestamp\":1626993724318,"
            + "\"prev_change_id\":1,\"instrument_name\":\"BTC-24SEP21-8000-P\",\"change_id\":2,\"bids\":[],"
            + "\"asks\":[[\"shift\",0.001,2.6]]}"),
        notification("book.BTC-24SEP21-8000-P.raw", "{\"type\":\"change\",\"timestamp\":1626993724318,"
            + "\"prev_change_id\":1,\"instrument_name\":\"BTC-24SEP21-8000-P\",\"change_id\":2,\"bids\":[],"
            + "\"asks\":[[\"new\",0.001,-2.6]]}"),
        notification("book.BTC-24SEP21-8000-P.raw", "{\"type\":\"change\",\"timestamp\":1626993724318,"
            + "\"instrument_name\":\"BTC-24SEP21-8000-P\",\"change_id\":2,\"bids\":[],\"asks\":[]}"),
        notification("ticker.ETH-30JUL21-2800-C.raw", "{\"timestamp\":-5,\"instrument_name\":\"ETH-30JUL21-2800-C\","
            + "\"mark_price\":0.001}"),
        notification("ticker.NONSENSE.raw", "{\"timestamp\":1,\"instrument_name\":\"NONSENSE\",\"mark_price\":1}"),
        notification("trades.BTC-PERPETUAL.raw", "[{\"trade_seq\":1,\"trade_id\":\"1\",\"timestamp\":1,"
            + "\"price\":1e999999,\"amount\":1,\"direction\":\"buy\",\"instrument_name\":\"BTC-PERPETUAL\"}]"),
        notification("trades.BTC-PERPETUAL.raw", "[{\"trade_id\":\"2\",\"timestamp\":1,\"price\":1,"
            + "\"amount\":1,\"direction\":\"buy\",\"instrument_name\":\"BTC-PERPETUAL\"}]"),
        "{\"jsonrpc\":\"2.0\",\"id\":77,\"error\":{\"message\":\"Invalid params\",\"code\":-32602}}"};
    for (String frame : bad) {
      session.onFrame(frame, 1);
    }
    session.onFrame(notification("chart.trades.BTC-PERPETUAL.1", "{}"), 1);
    session.onFrame("{\"jsonrpc\":\"2.0\",\"method\":\"announcements\",\"params\":{}}", 1);
    play(session, frames.subList(frames.size() / 2, frames.size()));

    assertThat(stats.parseErrors()).isEqualTo(bad.length);
    assertThat(stats.schemaDrift()).isEqualTo(2);
    assertThat(output.drift).extracting(RecordingOutput.Drift::detail)
        .containsExactly("unknown channel 'chart.trades.BTC-PERPETUAL.1'", "unknown notification method 'announcements'");
    assertThat(stats.lastError()).isEqualTo("deribit: unknown notification method 'announcements'");
    assertThat(session.booksInSync()).as("no bad frame touched a book").isEqualTo(DeribitFixture.BOOKS);
    assertThat(stats.continuous()).isEqualTo(DeribitFixture.CHANGES);
    assertThat(stats.optionTickers()).isEqualTo(DeribitFixture.OPTION_TICKERS);
  }

  @Test
  void errorRepliesNameTheRequestThatFailed() {
    DeribitSession session = liveSession(List.of("BTC-PERPETUAL"), List.of());
    long id = new JsonObject(session.subscribeFrames().get(1)).getLong("id");
    session.onFrame("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"error\":{\"message\":\"Invalid params\","
        + "\"data\":{\"reason\":\"wrong format\",\"param\":\"channels\"},\"code\":-32602}}", 1);

    assertThat(stats.parseErrors()).isEqualTo(1);
    assertThat(stats.lastError()).isEqualTo("deribit: public/subscribe (request " + id
        + ") failed: code -32602 Invalid params");
  }

  @Test
  void booksAreHeldOnlyForSubscribedInstrumentsAndUpToTheCap() {
    DeribitSession live = liveSession(List.of("BTC-PERPETUAL"), List.of());
    live.onFrame(bookSnapshot("ETH-PERPETUAL", 5), 1);
    assertThat(live.books()).isEmpty();
    assertThat(stats.lastError()).contains("did not subscribe");

    DeribitSession capped = new DeribitSession(new SessionSpec(List.of(SessionSpec.ANY_SYMBOL),
        EnumSet.allOf(Channel.class), 10), stats, output, new DeribitOptions("100ms", "raw", 30, List.of(), 2));
    for (int i = 0; i < 5; i++) {
      capped.onFrame(bookSnapshot("BTC-" + i + "JAN30", 10 + i), 1);
    }
    assertThat(capped.books()).hasSize(2);
    assertThat(stats.lastError()).contains("cap of 2 books");
  }

  @Test
  void aSnapshotOfAbsurdDepthIsCutToTheBookDepthAndTheNextChangeStillApplies() {
    DeribitSession session = new DeribitSession(new SessionSpec(List.of("BTC-PERPETUAL"),
        EnumSet.of(Channel.BOOK), 25), stats, new CountingOutput(stats, output),
        new DeribitOptions("100ms", "raw", 10, List.of(), 10));
    StringBuilder bids = new StringBuilder();
    for (int i = 1; i <= 50_000; i++) {
      bids.append(i == 1 ? "" : ",").append("[\"new\",").append(i).append(".5,1.0]");
    }
    session.onFrame(notification("book.BTC-PERPETUAL.raw", "{\"type\":\"snapshot\",\"timestamp\":1,"
        + "\"instrument_name\":\"BTC-PERPETUAL\",\"change_id\":7,\"bids\":[" + bids + "],\"asks\":[]}"), 1);
    session.onFrame(notification("book.BTC-PERPETUAL.raw", "{\"type\":\"change\",\"timestamp\":2,"
        + "\"prev_change_id\":7,\"instrument_name\":\"BTC-PERPETUAL\",\"change_id\":8,"
        + "\"bids\":[[\"delete\",50000.5,0.0]],\"asks\":[[\"new\",60000.5,2.0]]}"), 2);

    assertThat(session.books().get("BTC-PERPETUAL").depth(Side.BUY)).as("the 25 kept, less the one deleted")
        .isEqualTo(24);
    assertThat(Decimals.toString(session.books().get("BTC-PERPETUAL").bestBid())).isEqualTo("49999.5");
    assertThat(stats.continuous()).isEqualTo(1);
    assertThat(stats.parseErrors()).isZero();
  }

  @Test
  void retargetingUnsubscribesDroppedInstrumentsAndSubscribesNewOnes() {
    DeribitSession session = liveSession(List.of("BTC-PERPETUAL", "BTC-24SEP21-8000-P"), List.of());
    session.onFrame(bookSnapshot("BTC-24SEP21-8000-P", 3), 1);
    assertThat(session.books()).containsKey("BTC-24SEP21-8000-P");

    session.retarget(List.of("BTC-PERPETUAL", "ETH-PERPETUAL"));

    assertThat(session.symbols()).containsExactlyInAnyOrder("BTC-PERPETUAL", "ETH-PERPETUAL");
    assertThat(session.books()).as("the dropped instrument's book is forgotten").isEmpty();
    assertThat(output.sent).hasSize(2);
    assertThat(channels(output.sent.get(0))).containsExactly("ticker.BTC-24SEP21-8000-P.100ms",
        "book.BTC-24SEP21-8000-P.raw", "trades.BTC-24SEP21-8000-P.raw");
    assertThat(new JsonObject(output.sent.get(0)).getString("method")).isEqualTo("public/unsubscribe");
    assertThat(channels(output.sent.get(1))).containsExactly("ticker.ETH-PERPETUAL.100ms", "book.ETH-PERPETUAL.raw",
        "trades.ETH-PERPETUAL.raw");
    assertThat(session.subscribeFrames()).anySatisfy(f -> assertThat(f).contains("book.ETH-PERPETUAL.raw"));
  }

  @Test
  void aLostConnectionMarksEverySubscribedInstrumentAndClearsTheBooks() {
    DeribitSession session = liveSession(List.of("BTC-PERPETUAL", "ETH-PERPETUAL"), List.of());
    session.onFrame(bookSnapshot("BTC-PERPETUAL", 3), 1);
    session.onDisconnect("closed", 2);

    assertThat(output.gaps).extracting(RecordingOutput.Gap::symbol)
        .containsExactlyInAnyOrder("BTC-PERPETUAL", "ETH-PERPETUAL");
    assertThat(session.books()).isEmpty();
    assertThat(stats.gaps()).isEqualTo(1);
  }

  @Test
  void instrumentNamesGiveTheContract() {
    DeribitInstrument option = DeribitInstrument.parse("BTC-6AUG21-40000-C");
    assertThat(option.kind()).isEqualTo(DeribitInstrument.Kind.OPTION);
    assertThat(option.expiry()).isEqualTo(IsoTime.parse("2021-08-06T08:00:00Z"));
    assertThat(option.optionType()).isEqualTo(OptionType.CALL);
    DeribitInstrument decimalStrike = DeribitInstrument.parse("XRP_USDC-30AUG24-0d625-P");
    assertThat(Decimals.toString(decimalStrike.strike())).isEqualTo("0.625");
    assertThat(decimalStrike.baseCurrency()).isEqualTo("XRP");
    assertThat(DeribitInstrument.parse("SOL_USDC-PERPETUAL").kind()).isEqualTo(DeribitInstrument.Kind.PERPETUAL);
    assertThat(DeribitInstrument.parse("ETH-31DEC21").kind()).isEqualTo(DeribitInstrument.Kind.FUTURE);
    for (String bad : List.of("BTC", "BTC-31FOO21", "BTC-30FEB21-1000-C", "BTC-FS-31DEC21_PERP", "")) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> DeribitInstrument.parse(bad))
          .as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }

  private static List<Object> channels(String request) {
    return new JsonObject(request).getJsonObject("params").getJsonArray("channels").getList();
  }

  private static List<DeribitFixture.Frame> withoutFirstChangeOf(String instrument) {
    List<DeribitFixture.Frame> frames = new ArrayList<>(DeribitFixture.frames());
    DeribitFixture.Frame first = frames.stream()
        .filter(f -> f.text().contains("\"book." + instrument) && f.text().contains("\"change\"")).findFirst()
        .orElseThrow();
    frames.remove(first);
    return frames;
  }

  static String notification(String channel, String data) {
    return "{\"jsonrpc\":\"2.0\",\"method\":\"subscription\",\"params\":{\"channel\":\"" + channel
        + "\",\"data\":" + data + "}}";
  }

  static String bookSnapshot(String instrument, long changeId) {
    return notification("book." + instrument + ".raw", "{\"type\":\"snapshot\",\"timestamp\":1626993723632,"
        + "\"instrument_name\":\"" + instrument + "\",\"change_id\":" + changeId + ",\"bids\":[[\"new\",100.5,2.0]],"
        + "\"asks\":[[\"new\",101.0,1.5]]}");
  }

}
