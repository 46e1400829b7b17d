package io.tickwire.connector.coinbase;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.book.OrderBook;
import io.tickwire.codecs.BookUpdate;
import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.IsoTime;
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
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Hand-written Coinbase Advanced Trade messages (coinbase/advanced-trade-session.jsonl, following the documented
 * shapes, sequence_num 0..9) through {@link CoinbaseAdvancedSession}.
 */
class CoinbaseAdvancedSessionTest {
  private static final List<String> PRODUCTS = List.of("BTC-USD", "ETH-USD");
  private static final SessionSpec SPEC = new SessionSpec(PRODUCTS, Set.of(Channel.values()), 50);

  private final RecordingOutput output = new RecordingOutput();
  private final CoinbaseAdvancedSession session = new CoinbaseAdvancedSession(SPEC, output);

  @Test
  void tradesQuotesAndBooksComeOutWithExactDecimalsAndTheAggressorsSide() throws IOException {
    replay(session, frames());

    assertThat(session.stats().parseErrors()).as(session.stats().lastError()).isZero();
    List<Trade> trades = output.events.stream().filter(Trade.class::isInstance).map(Trade.class::cast).toList();
    assertThat(trades).extracting(Trade::tradeId).containsExactly("463843801", "000000001", "463843802");
    assertThat(trades).extracting(Trade::side).containsExactly(Side.BUY, Side.SELL, Side.BUY);
    assertThat(Decimals.toString(trades.get(0).size())).isEqualTo("0.00031200");
    assertThat(Decimals.toString(trades.get(1).price())).isEqualTo("1260.01");
    assertThat(trades.get(2).eventTime()).isEqualTo(IsoTime.parse("2023-02-09T20:19:36.051Z"));
    assertThat(trades.get(2).ingestTime()).isEqualTo(6);

    List<Quote> quotes = output.events.stream().filter(Quote.class::isInstance).map(Quote.class::cast).toList();
    assertThat(quotes).hasSize(2);
    assertThat(Decimals.toString(quotes.get(0).bidSize())).as("best_bid_quantity").isEqualTo("0.06317902");
    assertThat(Decimals.toString(quotes.get(0).askPrice())).isEqualTo("21921.74");
    assertThat(quotes.get(0).eventTime()).as("the envelope's timestamp").isEqualTo(
        IsoTime.parse("2023-02-09T20:19:35.60Z"));

    List<BookUpdate> books = output.events.stream().filter(BookUpdate.class::isInstance)
        .map(BookUpdate.class::cast).toList();
    assertThat(books).extracting(BookUpdate::snapshot).containsExactly(true, true, false);
    assertThat(books.get(2).eventTime()).as("latest event_time of the update's levels")
        .isEqualTo(IsoTime.parse("2023-02-09T20:19:36.054Z"));
    OrderBook btc = session.books().get("BTC-USD");
    assertThat(Decimals.toString(btc.bestBid())).isEqualTo(Decimals.toString(quotes.get(1).bidPrice()));
    assertThat(Decimals.toString(btc.bestAsk())).isEqualTo("21922.00").isEqualTo(
        Decimals.toString(quotes.get(1).askPrice()));
    assertThat(btc.depth(Side.BUY)).isEqualTo(3);
    assertThat(output.gaps).isEmpty();
  }

  @Test
  void aHeartbeatCounterSentAsAStringIsReadAndReportedAsDriftOnce() throws IOException {
    replay(session, frames());

    assertThat(output.drift).singleElement().asString().contains("heartbeat_counter").contains("3050");
    assertThat(session.stats().schemaDrift()).isEqualTo(1);
    assertThat(session.stats().parseErrors()).isZero();
  }

  @Test
  void aSequenceJumpMarksEveryProductAndResubscribesTheBooks() throws IOException {
    List<String> frames = frames();
    replay(session, frames.subList(0, 6));
    session.onFrame(frames.get(7), 7); // sequence_num 6 is lost
    session.onFrame(frames.get(8), 8);

    assertThat(output.gaps).extracting(RecordingOutput.Gap::symbol).containsExactlyElementsOf(PRODUCTS);
    assertThat(output.gaps).extracting(RecordingOutput.Gap::reason)
        .containsOnly("sequence_num jumped from 5 to 7 (1 missing)");
    assertThat(session.stats().gaps()).isEqualTo(1);
    assertThat(session.stats().resyncs()).isEqualTo(1);
    assertThat(output.sent).containsExactly(
        "{\"type\":\"unsubscribe\",\"product_ids\":[\"BTC-USD\",\"ETH-USD\"],\"channel\":\"level2\"}",
        "{\"type\":\"subscribe\",\"product_ids\":[\"BTC-USD\",\"ETH-USD\"],\"channel\":\"level2\"}");
    assertThat(session.books()).as("thrown away; the delta after the jump has nothing to apply to").isEmpty();
    assertThat(output.events.get(output.events.size() - 1)).as("the ticker after the jump still counts")
        .isInstanceOf(Quote.class);

    session.onFrame(frames.get(4).replace("\"sequence_num\":4", "\"sequence_num\":9"), 9);
    assertThat(session.books()).containsOnlyKeys("BTC-USD");
  }

  @Test
  void subscribesOneChannelPerMessageWithHeartbeats() {
    assertThat(session.subscribeFrames()).extracting(f -> new JsonObject(f).getString("channel"))
        .containsExactly("market_trades", "ticker", "level2", "heartbeats");
    CoinbaseAdvancedSession tradesOnly = new CoinbaseAdvancedSession(
        new SessionSpec(List.of("BTC-USD"), Set.of(Channel.TRADES), 1), output);
    assertThat(tradesOnly.subscribeFrames()).containsExactly(
        "{\"type\":\"subscribe\",\"product_ids\":[\"BTC-USD\"],\"channel\":\"market_trades\"}",
        "{\"type\":\"subscribe\",\"product_ids\":[\"BTC-USD\"],\"channel\":\"heartbeats\"}");
  }

  @Test
  void aDisconnectClearsBooksMarksEveryProductAndRestartsTheSequence() throws IOException {
    List<String> frames = frames();
    replay(session, frames);

    session.onDisconnect("idle timeout", 20);
    session.subscribeFrames();
    session.onFrame(frames.get(0), 21); // a new connection numbers from 0 again: not a jump

    assertThat(session.books()).isEmpty();
    assertThat(output.gaps).extracting(RecordingOutput.Gap::reason).containsOnly("disconnected: idle timeout");
    assertThat(output.gaps).hasSize(2);
    assertThat(session.stats().gaps()).isEqualTo(1);
    assertThat(session.stats().resyncs()).isZero();
  }

  @Test
  void aReplayThatLearntItsProductsFromTheFramesMarksThemOnADisconnect() throws IOException {
    CoinbaseAdvancedSession replayed = new CoinbaseAdvancedSession(
        new SessionSpec(List.of(SessionSpec.ANY_SYMBOL), Set.of(Channel.values()), 50), output);
    replay(replayed, frames());
    assertThat(replayed.books()).isNotEmpty();
    List<String> booked = List.copyOf(replayed.books().keySet());

    replayed.onDisconnect("the capture reconnected", 20);

    assertThat(output.gaps).extracting(RecordingOutput.Gap::symbol).as("the products the books were kept for")
        .containsExactlyElementsOf(booked);
  }

  @Test
  void unreadableMessagesAreCountedWithTheirReasonNeverThrown() {
    session.onFrame("{\"type\":\"error\",\"message\":\"failure to subscribe\"}", 1);
    session.onFrame("{\"channel\":\"candles\",\"client_id\":\"\",\"sequence_num\":0,\"events\":[]}", 2);
    session.onFrame("{\"channel\":\"heartbeats\",\"sequence_num\":1,\"events\":[{\"heartbeat_counter\":\"x1\"}]}", 3);
    session.onFrame("{\"channel\":\"market_trades\",\"sequence_num\":2,\"timestamp\":\"2023-02-09T20:19:35Z\","
        + "\"events\":[{\"type\":\"update\",\"trades\":[{\"trade_id\":\"1\",\"product_id\":\"BTC-USD\","
        + "\"price\":\"1\",\"size\":\"1\",\"side\":\"buy\",\"time\":\"2023-02-09T20:19:35Z\"}]}]}", 4);

    assertThat(session.stats().parseErrors()).isEqualTo(4);
    assertThat(session.stats().lastError()).startsWith("trade side must be BUY or SELL, got 'buy'");
    assertThat(output.events).isEmpty();
    assertThat(output.drift).isEmpty();
  }

  /** Each frame received at its sequence number, as microseconds, so events tell which frame they came from. */
  private static void replay(CoinbaseAdvancedSession session, List<String> frames) {
    for (int i = 0; i < frames.size(); i++) {
      session.onFrame(frames.get(i), i);
    }
  }

  static List<String> frames() throws IOException {
    try (InputStream in = CoinbaseAdvancedSessionTest.class.getResourceAsStream(
        "/coinbase/advanced-trade-session.jsonl")) {
      assertThat(in).as("test resource coinbase/advanced-trade-session.jsonl").isNotNull();
      return Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
          .filter(line -> !line.isBlank()).toList();
    }
  }
}
