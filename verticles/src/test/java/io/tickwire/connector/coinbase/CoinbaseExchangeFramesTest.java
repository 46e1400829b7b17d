package io.tickwire.connector.coinbase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickwire.book.OrderBook;
import io.tickwire.codecs.BookUpdate;
import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.MarketEvent;
import io.tickwire.codecs.Quote;
import io.tickwire.codecs.Side;
import io.tickwire.codecs.Trade;
import io.tickwire.router.EventValidator;
import io.tickwire.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Every received frame of the recorded Coinbase Exchange session (COINBASE.ws.28.0) through the parser. */
class CoinbaseExchangeFramesTest {
  private static final Path CAPTURE = Fixtures.cryptofeed("COINBASE.ws.28.0");

  @Test
  void theRecordedSessionParsesWithoutErrorIntoValidTradesQuotesAndBooks() throws IOException {
    List<MarketEvent> events = new ArrayList<>();
    int frames = 0;
    for (String frame : receivedFrames()) {
      events.addAll(CoinbaseExchangeFrames.parse(frame, 1_800_000_000_000_000L));
      frames++;
    }
    assertThat(frames).isGreaterThan(9_000);
    assertThat(events.stream().filter(Trade.class::isInstance)).hasSize(107); // 97 match + 10 last_match
    assertThat(events.stream().filter(Quote.class::isInstance)).hasSize(107);
    assertThat(events.stream().filter(e -> e instanceof BookUpdate b && b.snapshot())).hasSize(10);
    assertThat(events).allSatisfy(e -> assertThat(EventValidator.rejectReason(e, 1_800_000_000_000_000L, 5_000_000L))
        .as(e.toString()).isNull());

    Map<String, OrderBook> books = new TreeMap<>();
    for (MarketEvent e : events) {
      if (e instanceof BookUpdate update) {
        OrderBook book = books.computeIfAbsent(update.symbol(), s -> new OrderBook("coinbase", s));
        if (update.snapshot()) {
          book.clear();
        }
        update.levels().forEach(book::apply);
      }
    }
    assertThat(books).hasSize(10);
    assertThat(books.values()).allSatisfy(book -> assertThat(book.crossed()).as(book.symbol()).isFalse());
  }

  @Test
  void aMatchIsATradeOnTheAggressorsSideWithExactDecimals() {
    List<MarketEvent> events = CoinbaseExchangeFrames.parse("{\"type\":\"match\",\"trade_id\":280232,"
        + "\"side\":\"sell\",\"size\":\"985\",\"price\":\"0.00001305\",\"product_id\":\"SKL-BTC\","
        + "\"sequence\":177100030,\"time\":\"2021-04-17T16:43:37.089723Z\"}", 7);
    Trade trade = (Trade) events.get(0);
    assertThat(trade.tradeId()).isEqualTo("280232");
    assertThat(trade.side()).as("maker sold, so the taker bought").isEqualTo(Side.BUY);
    assertThat(Decimals.toString(trade.price())).isEqualTo("0.00001305");
    assertThat(trade.ingestTime()).isEqualTo(7);
  }

  @Test
  void badFramesAreClearErrorsNamingTheProblem() {
    assertThatThrownBy(() -> CoinbaseExchangeFrames.parse("{\"type\":\"match\",\"side\":\"buy\",\"product_id\":\"A\","
        + "\"trade_id\":\"x\"}", 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'trade_id' must be an integer");
    assertThatThrownBy(() -> CoinbaseExchangeFrames.parse("{\"type\":\"error\",\"message\":\"Failed\"}", 0))
        .hasMessageContaining("error frame: Failed");
    assertThatThrownBy(() -> CoinbaseExchangeFrames.parse("[1,2", 0)).hasMessageContaining("not a JSON object");
    assertThatThrownBy(() -> CoinbaseExchangeFrames.parse("{\"type\":\"l2update\",\"product_id\":\"A\","
        + "\"changes\":[[\"up\",\"1\",\"2\"]],\"time\":\"2021-04-17T16:43:37Z\"}", 0))
        .hasMessageContaining("side must be buy or sell, got 'up'");
    assertThat(CoinbaseExchangeFrames.parse("{\"type\":\"subscriptions\",\"channels\":[]}", 0)).isEmpty();
  }

  /** The frames the client received, without their receive-time prefix. */
  private static List<String> receivedFrames() throws IOException {
    List<String> frames = new ArrayList<>();
    for (String line : Files.readAllLines(CAPTURE, StandardCharsets.UTF_8)) {
      int colon = line.indexOf(": ");
      if (!line.isEmpty() && Character.isDigit(line.charAt(0)) && colon > 0) {
        frames.add(line.substring(colon + 2));
      }
    }
    return frames;
  }
}
