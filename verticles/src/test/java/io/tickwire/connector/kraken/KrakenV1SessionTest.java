package io.tickwire.connector.kraken;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.BookUpdate;
import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.Quote;
import io.tickwire.codecs.Side;
import io.tickwire.codecs.Trade;
import io.tickwire.connector.capture.CryptofeedCapture.Record;
import io.tickwire.connector.venue.RecordingOutput;
import io.tickwire.config.SessionSpec;
import io.tickwire.config.SessionSpec.Channel;
import io.tickwire.connector.venue.SessionStats;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KrakenV1SessionTest {
  private final RecordingOutput out = new RecordingOutput();

  private KrakenV1Session session(String file, Channel channel) {
    return new KrakenV1Session(new SessionSpec(KrakenV1Fixtures.subscribedPairs(file), Set.of(channel), 1000), out);
  }

  private static void replay(KrakenV1Session session, List<Record> records) {
    records.forEach(r -> session.onFrame(r.payload(), r.epochMicros()));
  }

  @Test
  void subscribesLikeTheRecordedClient() {
    assertThat(session(KrakenV1Fixtures.BOOK, Channel.BOOK).subscribeFrames()).containsExactly(
        "{\"event\":\"subscribe\",\"pair\":[\"WAVES/EUR\",\"XMR/USD\",\"KSM/XBT\",\"GRT/ETH\",\"SC/EUR\",\"ETH/CHF\","
            + "\"OCEAN/XBT\",\"OMG/USD\",\"XBT/CHF\",\"ADA/XBT\"],\"subscription\":{\"name\":\"book\",\"depth\":1000}}");
    assertThat(new KrakenV1Session(new SessionSpec(List.of("XBT/USD"), Set.of(Channel.TRADES, Channel.QUOTES), 10),
        out).subscribeFrames()).containsExactly(
        "{\"event\":\"subscribe\",\"pair\":[\"XBT/USD\"],\"subscription\":{\"name\":\"trade\"}}",
        "{\"event\":\"subscribe\",\"pair\":[\"XBT/USD\"],\"subscription\":{\"name\":\"ticker\"}}");
  }

  @Test
  void everyRecordedBookChecksumVerifies() {
    KrakenV1Session session = session(KrakenV1Fixtures.BOOK, Channel.BOOK);
    replay(session, KrakenV1Fixtures.received(KrakenV1Fixtures.BOOK));
    SessionStats stats = session.stats();
    assertThat(stats.parseErrors()).as(stats.lastError()).isZero();
    assertThat(stats.checksumOk()).isEqualTo(1_463);
    assertThat(stats.checksumFailed()).isZero();
    assertThat(out.gaps).isEmpty();
    assertThat(out.sent).isEmpty();
    List<BookUpdate> updates = out.events(BookUpdate.class);
    assertThat(updates).hasSize(10 + 1_463);
    assertThat(updates.stream().filter(BookUpdate::snapshot).map(BookUpdate::symbol))
        .containsExactlyInAnyOrderElementsOf(KrakenV1Fixtures.subscribedPairs(KrakenV1Fixtures.BOOK));
    assertThat(session.books()).hasSize(10).allSatisfy((pair, book) -> assertThat(book.crossed()).isFalse());
  }

  @Test
  void bookUpdatesCarryTheFrameLevelsAndTheNewestLevelTime() {
    KrakenV1Session session = session(KrakenV1Fixtures.BOOK, Channel.BOOK);
    session.onFrame("[1,{\"as\":[[\"5.0\",\"1.00\",\"100.000001\"]],\"bs\":[[\"4.0\",\"2.00\",\"100.5\"]]},"
        + "\"book-10\",\"T/USD\"]", 7);
    session.onFrame("[1,{\"a\":[[\"5.0\",\"0.00\",\"101.25\"]]},{\"b\":[[\"4.5\",\"3.00\",\"101.5\"]]},"
        + "\"book-10\",\"T/USD\"]", 8);
    List<BookUpdate> updates = out.events(BookUpdate.class);
    assertThat(updates).hasSize(2);
    assertThat(updates.get(0).snapshot()).isTrue();
    assertThat(updates.get(0).eventTime()).isEqualTo(100_500_000L);
    assertThat(updates.get(1).snapshot()).isFalse();
    assertThat(updates.get(1).eventTime()).isEqualTo(101_500_000L);
    assertThat(updates.get(1).ingestTime()).isEqualTo(8);
    assertThat(updates.get(1).levels()).extracting(l -> l.side() + " " + Decimals.toString(l.price()) + " "
        + Decimals.toString(l.size())).containsExactly("SELL 5.0 0.00", "BUY 4.5 3.00");
    assertThat(Decimals.toString(session.books().get("T/USD").bestBid())).isEqualTo("4.5");
  }

  @Test
  void aCorruptedLevelResubscribesThatPairOnly() {
    KrakenV1Fixtures.Corrupted corruption = KrakenV1Fixtures.corruptOneTopLevel();
    KrakenV1Session session = session(KrakenV1Fixtures.BOOK, Channel.BOOK);
    List<String> frames = corruption.frames();
    for (int i = 0; i < frames.size(); i++) {
      session.onFrame(frames.get(i), i);
    }
    String pair = corruption.pair();
    long laterForPair = frames.subList(corruption.index() + 1, frames.size()).stream()
        .filter(f -> f.endsWith("\"" + pair + "\"]")).count();
    SessionStats stats = session.stats();
    assertThat(stats.checksumFailed()).isEqualTo(1);
    assertThat(stats.resyncs()).isEqualTo(1);
    assertThat(stats.parseErrors()).isZero();
    // The failing frame and the pair's later updates are not verified; every other pair keeps verifying.
    assertThat(stats.checksumOk()).isEqualTo(1_463 - 1 - laterForPair);
    assertThat(out.gaps).singleElement().satisfies(gap -> {
      assertThat(gap.symbol()).isEqualTo(pair);
      assertThat(gap.reason()).contains("checksum").contains(pair);
      assertThat(gap.receivedMicros()).isEqualTo(corruption.index());
    });
    String book = "\"subscription\":{\"name\":\"book\",\"depth\":1000}}";
    assertThat(out.sent).containsExactly(
        "{\"event\":\"unsubscribe\",\"pair\":[\"" + pair + "\"]," + book,
        "{\"event\":\"subscribe\",\"pair\":[\"" + pair + "\"]," + book);
    assertThat(session.books().get(pair).isEmpty(Side.BUY)).isTrue();
  }

  @Test
  void recordedTradesBecomeExactAggressorSideTrades() {
    KrakenV1Session session = session(KrakenV1Fixtures.TRADES, Channel.TRADES);
    replay(session, KrakenV1Fixtures.received(KrakenV1Fixtures.TRADES));
    assertThat(session.stats().parseErrors()).as(session.stats().lastError()).isZero();
    List<Trade> trades = out.events(Trade.class);
    assertThat(trades).hasSize(10);
    Trade first = trades.get(0);
    assertThat(first.venue()).isEqualTo("kraken");
    assertThat(first.symbol()).isEqualTo("XMR/USD");
    assertThat(Decimals.toString(first.price())).isEqualTo("354.11000000");
    assertThat(Decimals.toString(first.size())).isEqualTo("0.89594024");
    assertThat(first.side()).isEqualTo(Side.SELL);
    assertThat(first.eventTime()).isEqualTo(1_618_678_142_557_535L);
    assertThat(first.ingestTime()).isEqualTo(1_618_678_142_592_855L);
    assertThat(first.tradeId()).isEqualTo("1618678142.557535-0");
    Trade buy = trades.get(1);
    assertThat(buy.side()).isEqualTo(Side.BUY);
    assertThat(Decimals.toString(buy.price())).isEqualTo("354.55000000");
    // Two fills in one frame get distinct ids.
    assertThat(trades.get(4).tradeId()).isEqualTo("1618678150.827816-1");
    assertThat(trades.stream().map(Trade::tradeId).distinct()).hasSize(10);
  }

  @Test
  void recordedTickersBecomeQuotes() {
    List<Record> records = KrakenV1Fixtures.received(KrakenV1Fixtures.TICKERS);
    KrakenV1Session session = session(KrakenV1Fixtures.TICKERS, Channel.QUOTES);
    replay(session, records);
    assertThat(session.stats().parseErrors()).as(session.stats().lastError()).isZero();
    List<Quote> quotes = out.events(Quote.class);
    assertThat(quotes).hasSize((int) records.stream().filter(r -> r.payload().endsWith("\"]")
        && r.payload().contains("\"ticker\"")).count()).isNotEmpty();
    Quote waves = quotes.get(0);
    assertThat(waves.symbol()).isEqualTo("WAVES/EUR");
    assertThat(Decimals.toString(waves.bidPrice())).isEqualTo("13.232900");
    assertThat(Decimals.toString(waves.bidSize())).isEqualTo("185.18432037");
    assertThat(Decimals.toString(waves.askPrice())).isEqualTo("13.253900");
    assertThat(Decimals.toString(waves.askSize())).isEqualTo("35.72892241");
    assertThat(waves.eventTime()).isEqualTo(waves.ingestTime());
  }

  @Test
  void subscriptionErrorsAndMalformedFramesAreCountedNeverThrown() {
    KrakenV1Session session = session(KrakenV1Fixtures.TRADES, Channel.TRADES);
    session.onFrame("{\"errorMessage\":\"Currency pair not supported\",\"event\":\"subscriptionStatus\","
        + "\"pair\":\"XX/YY\",\"status\":\"error\",\"subscription\":{\"name\":\"trade\"}}", 1);
    assertThat(session.stats().parseErrors()).isEqualTo(1);
    assertThat(session.stats().lastError()).contains("Currency pair not supported").contains("XX/YY");
    session.onFrame("[1,[[\"1.0\",\"2.0\",\"3.0\",\"x\",\"l\",\"\"]],\"trade\",\"X/Y\"]", 2);
    assertThat(session.stats().lastError()).contains("'x'");
    session.onFrame("[1,[[\"1.0\",\"abc\",\"3.0\",\"b\",\"l\",\"\"]],\"trade\",\"X/Y\"]", 3);
    assertThat(session.stats().lastError()).contains("'abc'");
    session.onFrame("[1,{\"a\":", 4);
    session.onFrame("", 5);
    session.onFrame("{\"event\":\"heartbeat\"}", 6);
    assertThat(session.stats().parseErrors()).isEqualTo(5);
    assertThat(out.events).isEmpty();
  }

  @Test
  void aLostConnectionClearsBooksAndMarksEverySymbol() {
    KrakenV1Session session = session(KrakenV1Fixtures.BOOK, Channel.BOOK);
    replay(session, KrakenV1Fixtures.received(KrakenV1Fixtures.BOOK).subList(0, 200));
    session.onDisconnect("socket closed", 99);
    assertThat(session.books().values()).allSatisfy(book -> assertThat(book.isEmpty(Side.SELL)).isTrue());
    assertThat(out.gaps).extracting(RecordingOutput.Gap::symbol)
        .containsExactlyElementsOf(KrakenV1Fixtures.subscribedPairs(KrakenV1Fixtures.BOOK));
    assertThat(out.gaps).allSatisfy(gap -> assertThat(gap.reason()).contains("socket closed"));
    assertThat(session.stats().gaps()).isEqualTo(1);
  }
}
