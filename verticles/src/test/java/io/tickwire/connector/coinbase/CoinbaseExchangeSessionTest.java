package io.tickwire.connector.coinbase;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.book.OrderBook;
import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.MarketEvent;
import io.tickwire.codecs.Quote;
import io.tickwire.codecs.Trade;
import io.tickwire.connector.capture.CryptofeedCapture;
import io.tickwire.connector.capture.CryptofeedCapture.Direction;
import io.tickwire.connector.capture.CryptofeedCapture.Record;
import io.tickwire.connector.venue.RecordingOutput;
import io.tickwire.config.SessionSpec;
import io.tickwire.config.SessionSpec.Channel;
import io.tickwire.testing.Fixtures;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The recorded Coinbase Exchange session (COINBASE.ws.28.0) through {@link CoinbaseExchangeSession}. */
class CoinbaseExchangeSessionTest {
  private static final List<String> PRODUCTS = List.of("SKL-USD", "SKL-BTC", "BAND-GBP", "NMR-EUR", "BAND-BTC",
      "YFI-BTC", "DASH-BTC", "NU-GBP", "CRV-EUR", "SKL-GBP");
  private static final SessionSpec SPEC = new SessionSpec(PRODUCTS, Set.of(Channel.values()), 50);

  private final RecordingOutput output = new RecordingOutput();
  private final CoinbaseExchangeSession session = new CoinbaseExchangeSession(SPEC, output);

  @Test
  void theWholeRecordingGivesEveryTradeAndBooksThatAgreeWithTheVenuesTicker() {
    List<Record> frames = received(r -> true);
    int tickersChecked = 0;
    Set<String> tickerSeen = new HashSet<>();
    for (Record frame : frames) {
      session.onFrame(frame.payload(), frame.epochMicros());
      if (frame.payload().contains("\"type\":\"ticker\"") && lastEvent() instanceof Quote quote
          && !tickerSeen.add(quote.symbol())) {
        // A product's first ticker is the venue's last one from before the subscription, older than the book.
        assertTopOfBookMatches(quote);
        tickersChecked++;
      }
    }

    assertThat(session.stats().parseErrors()).as(session.stats().lastError()).isZero();
    assertThat(output.events.stream().filter(Trade.class::isInstance)).hasSize(matchFrames(frames));
    assertThat(output.gaps).isEmpty();
    assertThat(tickersChecked).isEqualTo(97);
    assertThat(session.books()).containsOnlyKeys(PRODUCTS);
    assertThat(session.books().values()).allSatisfy(book -> assertThat(book.crossed()).as(book.toString()).isFalse());
    assertThat(session.crossedBookUpdates()).isZero();
  }

  @Test
  void aMatchRemovedFromTheMiddleIsExactlyOneGapForItsProduct() {
    // SKL-USD trades run 1568268..1568319 in the recording; drop one from the middle.
    List<Record> frames = received(r -> !r.payload().startsWith("{\"type\":\"match\",\"trade_id\":1568290,"));
    assertThat(frames).hasSize(received(r -> true).size() - 1);

    frames.forEach(r -> session.onFrame(r.payload(), r.epochMicros()));

    assertThat(output.gaps).singleElement().satisfies(gap -> {
      assertThat(gap.symbol()).isEqualTo("SKL-USD");
      assertThat(gap.reason()).isEqualTo("trade_id jumped from 1568289 to 1568291 (1 missing)");
    });
    assertThat(session.stats().gaps()).isEqualTo(1);
  }

  @Test
  void aRepeatedOrOlderTradeIdIsNotAGap() {
    session.onFrame(match(100), 1);
    session.onFrame(match(101), 2);
    session.onFrame(match(101), 3);
    session.onFrame(match(99), 4);
    session.onFrame(match(102), 5);

    assertThat(output.gaps).isEmpty();
    assertThat(output.events).hasSize(5);
  }

  @Test
  void aDisconnectClearsTheBooksMarksEveryProductAndTheNextConnectionAsksForTheTradesItCost() {
    received(r -> true).forEach(r -> session.onFrame(r.payload(), r.epochMicros()));
    session.onFrame(match(1_568_320), 1);

    session.onDisconnect("peer closed", 7);
    session.subscribeFrames();
    session.onFrame(match(1_568_400), 8);

    assertThat(session.books()).isEmpty();
    assertThat(output.gaps).extracting(RecordingOutput.Gap::symbol).containsExactlyElementsOf(PRODUCTS);
    assertThat(output.gaps).allSatisfy(g -> assertThat(g.reason()).isEqualTo("disconnected: peer closed"));
    assertThat(session.stats().gaps()).as("the lost connection, and no trade gap after it").isEqualTo(1);
    assertThat(output.backfills).as("the ids between the last trade before and the first after, by the hole's reason")
        .containsExactly(new RecordingOutput.Backfill("SKL-USD", 1_568_320, 1_568_400, "disconnected: peer closed"));

    session.onFrame(match(1_568_401), 9);
    assertThat(output.backfills).as("asked once, at the product's first trade after the loss").hasSize(1);
  }

  @Test
  void aReplayThatLearntItsProductsFromTheFramesMarksThemOnADisconnect() {
    CoinbaseExchangeSession replayed = new CoinbaseExchangeSession(
        new SessionSpec(List.of(SessionSpec.ANY_SYMBOL), Set.of(Channel.values()), 50), output);
    received(r -> true).forEach(r -> replayed.onFrame(r.payload(), r.epochMicros()));

    replayed.onDisconnect("the capture reconnected", 7);

    assertThat(output.gaps).extracting(RecordingOutput.Gap::symbol).containsExactlyInAnyOrderElementsOf(PRODUCTS);
  }

  @Test
  void subscribesToEveryWantedChannelAndHeartbeatsInOneFrame() {
    CoinbaseExchangeSession tradesOnly = new CoinbaseExchangeSession(
        new SessionSpec(List.of("BTC-USD"), Set.of(Channel.TRADES), 1), output);

    assertThat(tradesOnly.subscribeFrames()).containsExactly(
        "{\"type\":\"subscribe\",\"product_ids\":[\"BTC-USD\"],\"channels\":[\"matches\",\"heartbeat\"]}");
    JsonObject all = new JsonObject(session.subscribeFrames().get(0));
    assertThat(all.getJsonArray("channels")).containsExactly("matches", "ticker", "level2", "heartbeat");
    assertThat(all.getJsonArray("product_ids")).containsExactlyElementsOf(PRODUCTS);
  }

  @Test
  void unreadableFramesAreCountedWithTheirReasonNeverThrown() {
    session.onFrame("{\"type\":\"match\",\"trade_id\":1", 1);
    session.onFrame("{\"type\":\"error\",\"message\":\"Failed to subscribe\",\"reason\":\"bad product\"}", 2);
    session.onFrame("{\"type\":\"l2update\",\"product_id\":\"SKL-USD\",\"changes\":[[\"buy\",\"1.x\",\"2\"]],"
        + "\"time\":\"2021-04-17T16:43:37Z\"}", 3);

    assertThat(session.stats().parseErrors()).isEqualTo(3);
    assertThat(session.stats().lastError()).contains("1.x").contains("frame: {\"type\":\"l2update\"");
    assertThat(output.events).isEmpty();
  }

  private void assertTopOfBookMatches(Quote quote) {
    OrderBook book = session.books().get(quote.symbol());
    assertThat(Decimals.compare(book.bestBid(), quote.bidPrice())).as("best bid of %s", book).isZero();
    assertThat(Decimals.compare(book.bestAsk(), quote.askPrice())).as("best ask of %s", book).isZero();
  }

  private MarketEvent lastEvent() {
    return output.events.isEmpty() ? null : output.events.get(output.events.size() - 1);
  }

  private static int matchFrames(List<Record> frames) {
    return (int) frames.stream().map(Record::payload)
        .filter(p -> p.contains("\"type\":\"match\"") || p.contains("\"type\":\"last_match\"")).count();
  }

  private static String match(long tradeId) {
    return "{\"type\":\"match\",\"trade_id\":" + tradeId + ",\"side\":\"sell\",\"size\":\"450\",\"price\":\"0.791\","
        + "\"product_id\":\"SKL-USD\",\"sequence\":201390075,\"time\":\"2021-04-17T16:43:37.121358Z\"}";
  }

  private static List<Record> received(Predicate<Record> keep) {
    return CryptofeedCapture.readAll(Fixtures.cryptofeed("COINBASE.ws.28.0")).stream()
        .filter(r -> r.direction() == Direction.RECEIVED).filter(keep).toList();
  }
}
