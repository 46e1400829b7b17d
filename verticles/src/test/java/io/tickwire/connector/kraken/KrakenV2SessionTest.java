package io.tickwire.connector.kraken;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.BookUpdate;
import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.Quote;
import io.tickwire.codecs.Side;
import io.tickwire.codecs.Trade;
import io.tickwire.connector.venue.RecordingOutput;
import io.tickwire.config.SessionSpec;
import io.tickwire.config.SessionSpec.Channel;
import io.tickwire.connector.venue.SessionStats;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class KrakenV2SessionTest {
  private static final String BTC = "BTC/USD";
  private static final String ETH = "ETH/USD";
  private final RecordingOutput out = new RecordingOutput();

  private KrakenV2Session session(Set<Channel> channels, String... symbols) {
    return new KrakenV2Session(new SessionSpec(List.of(symbols), channels, 10), out);
  }

  private KrakenV2Session bookSession() {
    return session(Set.of(Channel.BOOK), BTC, ETH);
  }

  private static List<String> lines(String resource) {
    try (InputStream in = KrakenV2SessionTest.class.getResourceAsStream("/kraken/" + resource)) {
      if (in == null) {
        throw new AssertionError("test resource /kraken/" + resource + " not found");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void replay(KrakenV2Session session, List<String> frames) {
    for (int i = 0; i < frames.size(); i++) {
      session.onFrame(frames.get(i), 1_000 + i);
    }
  }

  @Test
  void subscribesWithTheDocumentedRequests() {
    assertThat(session(Set.of(Channel.TRADES, Channel.QUOTES, Channel.BOOK), BTC).subscribeFrames()).containsExactly(
        "{\"method\":\"subscribe\",\"params\":{\"channel\":\"trade\",\"symbol\":[\"BTC/USD\"]}}",
        "{\"method\":\"subscribe\",\"params\":{\"channel\":\"ticker\",\"symbol\":[\"BTC/USD\"],"
            + "\"event_trigger\":\"bbo\"}}",
        "{\"method\":\"subscribe\",\"params\":{\"channel\":\"book\",\"symbol\":[\"BTC/USD\"],\"depth\":10}}");
  }

  @Test
  void theResourceChecksumsAreRightByAnIndependentComputation() {
    ReferenceBooks reference = new ReferenceBooks();
    List<String> bookFrames = lines("v2-book.jsonl").stream()
        .filter(l -> l.startsWith("{\"channel\":\"book\"")).toList();
    assertThat(bookFrames).hasSize(8);
    for (String frame : bookFrames) {
      assertThat(reference.apply(frame)).as(frame).isTrue();
    }
  }

  @Test
  void krakensDocumentedSnapshotChecksumVerifies() {
    KrakenV2Session session = bookSession();
    String docsSnapshot = lines("v2-book.jsonl").get(2);
    assertThat(docsSnapshot).contains("\"checksum\":3310070434");
    session.onFrame(docsSnapshot, 5);
    assertThat(session.stats().checksumOk()).isEqualTo(1);
    assertThat(session.stats().parseErrors()).as(session.stats().lastError()).isZero();
    BookUpdate snapshot = out.events(BookUpdate.class).get(0);
    assertThat(snapshot.snapshot()).isTrue();
    assertThat(snapshot.levels()).hasSize(20);
    assertThat(snapshot.eventTime()).isEqualTo(5); // the documented snapshot has no timestamp
    assertThat(Decimals.toString(session.books().get(BTC).bestBidSize())).isEqualTo("0.10000000");
  }

  @Test
  void snapshotsAndUpdatesApplyAndEveryChecksumVerifies() {
    KrakenV2Session session = bookSession();
    replay(session, lines("v2-book.jsonl"));
    SessionStats stats = session.stats();
    assertThat(stats.parseErrors()).as(stats.lastError()).isZero();
    assertThat(stats.checksumOk()).isEqualTo(8);
    assertThat(stats.checksumFailed()).isZero();
    assertThat(out.gaps).isEmpty();
    assertThat(out.sent).isEmpty();
    List<BookUpdate> updates = out.events(BookUpdate.class);
    assertThat(updates).hasSize(8);
    assertThat(updates.get(2).eventTime()).isEqualTo(KrakenTimes.rfc3339ToMicros("2023-10-06T17:35:55.440295Z"));
    assertThat(updates.get(2).levels()).extracting(l -> l.side() + " " + Decimals.toString(l.price()) + " "
        + Decimals.toString(l.size())).containsExactly("BUY 45284.0 0.25000000", "SELL 45285.2 0");
    assertThat(Decimals.toString(session.books().get(BTC).bestBid())).isEqualTo("45284.0");
    assertThat(Decimals.toString(session.books().get(BTC).bestAsk())).isEqualTo("45285.0");
    assertThat(session.books().get(ETH).depth(Side.SELL)).isEqualTo(10);
  }

  /**
   * A replay subscribes to nothing and keeps books at the deepest depth any venue records; a v2 book frame does not
   * say its depth, but the subscription's acknowledgement does, and Kraken sends no deletion for a level that falls
   * out of it, so a book kept deeper would hold levels Kraken has forgotten.
   */
  @Test
  void aBookIsCutToTheDepthKrakenAcknowledgedNotTheSessionsDefault() {
    KrakenV2Session replayed = new KrakenV2Session(new SessionSpec(List.of(SessionSpec.ANY_SYMBOL),
        Set.of(Channel.values()), 1000), out);
    List<String> frames = new ArrayList<>(lines("v2-book.jsonl"));
    String btcAck = frames.get(1);
    assertThat(btcAck).contains("\"depth\":10");
    frames.add(2, btcAck.replace(BTC, ETH));
    replay(replayed, frames);

    assertThat(replayed.stats().checksumFailed()).isZero();
    assertThat(replayed.books().get(ETH).depth(Side.SELL)).isEqualTo(10);
  }

  @Test
  void aChecksumMismatchResubscribesThatSymbolAndDropsItsUpdatesUntilTheSnapshot() {
    List<String> frames = new ArrayList<>(lines("v2-book.jsonl"));
    int corrupted = 6;
    assertThat(frames.get(corrupted)).contains(ETH).contains("\"qty\":3.1000");
    String original = frames.get(corrupted);
    frames.set(corrupted, original.replace("\"qty\":3.1000", "\"qty\":3.1001"));
    KrakenV2Session session = bookSession();
    replay(session, frames);

    SessionStats stats = session.stats();
    assertThat(stats.checksumFailed()).isEqualTo(1);
    assertThat(stats.resyncs()).isEqualTo(1);
    assertThat(stats.checksumOk()).isEqualTo(5); // both snapshots and BTC's three updates; ETH's later two dropped
    assertThat(out.gaps).singleElement().satisfies(gap -> {
      assertThat(gap.symbol()).isEqualTo(ETH);
      assertThat(gap.reason()).contains("checksum mismatch for ETH/USD");
      assertThat(gap.receivedMicros()).isEqualTo(1_000 + corrupted);
    });
    String book = "{\"channel\":\"book\",\"symbol\":[\"ETH/USD\"],\"depth\":10}}";
    assertThat(out.sent).containsExactly("{\"method\":\"unsubscribe\",\"params\":" + book,
        "{\"method\":\"subscribe\",\"params\":" + book);
    assertThat(out.events(BookUpdate.class).stream().filter(u -> u.symbol().equals(ETH))).hasSize(1);
    assertThat(session.books().get(ETH).isEmpty(Side.BUY)).isTrue();

    // The resubscription's snapshot restores the symbol: its next update verifies again.
    session.onFrame(frames.get(3), 2_000);
    session.onFrame(original, 2_001);
    assertThat(stats.checksumOk()).isEqualTo(7);
    assertThat(stats.checksumFailed()).isEqualTo(1);
  }

  @Test
  void tradesAndTickersBecomeExactEvents() {
    KrakenV2Session session = session(Set.of(Channel.TRADES, Channel.QUOTES), "MATIC/USD", "ALGO/USD");
    replay(session, lines("v2-trade-ticker.jsonl"));
    assertThat(session.stats().parseErrors()).as(session.stats().lastError()).isZero();
    List<Trade> trades = out.events(Trade.class);
    assertThat(trades).extracting(Trade::tradeId).containsExactly("4665846", "4665847", "4665906");
    Trade first = trades.get(0);
    assertThat(first.venue()).isEqualTo("kraken");
    assertThat(first.symbol()).isEqualTo("MATIC/USD");
    assertThat(Decimals.toString(first.price())).isEqualTo("0.5147");
    assertThat(Decimals.toString(first.size())).isEqualTo("6423.46326");
    assertThat(first.side()).isEqualTo(Side.BUY);
    assertThat(first.eventTime()).isEqualTo(KrakenTimes.rfc3339ToMicros("2023-09-25T07:48:36.925533Z"));
    assertThat(trades.get(2).side()).isEqualTo(Side.SELL);
    assertThat(Decimals.toString(trades.get(2).size())).isEqualTo("40.0");

    List<Quote> quotes = out.events(Quote.class);
    assertThat(quotes).hasSize(2);
    Quote snapshot = quotes.get(0);
    assertThat(Decimals.toString(snapshot.bidPrice())).isEqualTo("0.10025");
    assertThat(Decimals.toString(snapshot.bidSize())).isEqualTo("740.0");
    assertThat(Decimals.toString(snapshot.askPrice())).isEqualTo("0.10036");
    assertThat(Decimals.toString(snapshot.askSize())).isEqualTo("1361.44813783");
    assertThat(snapshot.eventTime()).isEqualTo(snapshot.ingestTime());
    assertThat(quotes.get(1).eventTime()).isEqualTo(KrakenTimes.rfc3339ToMicros("2023-09-25T07:49:38.000001Z"));
  }

  @Test
  void aTradeIdJumpIsAGapAndAsksForTheMissingIdsWithTheLastTradesTime() {
    KrakenV2Session session = session(Set.of(Channel.TRADES), "MATIC/USD");
    session.onFrame(trade(100, "2023-09-25T07:49:37.000001Z"), 1);
    session.onFrame(trade(101, "2023-09-25T07:49:37.500002Z"), 2);
    session.onFrame(trade(105, "2023-09-25T07:49:38Z"), 3);
    session.onFrame(trade(104, "2023-09-25T07:49:38Z"), 4);

    assertThat(out.gaps).extracting(RecordingOutput.Gap::reason)
        .containsExactly("kraken trade_id jumped from 101 to 105 (3 missing)");
    assertThat(out.backfills).as("a late trade below the run is no hole").containsExactly(new RecordingOutput.Backfill(
        "MATIC/USD", 101, 105, "kraken trade_id jumped from 101 to 105 (3 missing)"));
    assertThat(out.backfillTimes).containsExactly(KrakenTimes.rfc3339ToMicros("2023-09-25T07:49:37.500002Z"));
    assertThat(out.events(Trade.class)).hasSize(4);
  }

  @Test
  void aDisconnectAsksForWhatItCostAtThePairsFirstTradeAfterIt() {
    KrakenV2Session session = session(Set.of(Channel.TRADES), "MATIC/USD", "ALGO/USD");
    session.onFrame(trade(100, "2023-09-25T07:49:37.000001Z"), 1);
    session.onDisconnect("peer closed", 2);
    session.subscribeFrames();
    session.onFrame(trade(110, "2023-09-25T07:50:00Z"), 3);
    session.onFrame(trade(111, "2023-09-25T07:50:01Z"), 4);

    assertThat(out.gaps).extracting(RecordingOutput.Gap::reason).containsOnly("disconnected: peer closed");
    assertThat(out.backfills).as("asked once, by the disconnect's reason").containsExactly(
        new RecordingOutput.Backfill("MATIC/USD", 100, 110, "disconnected: peer closed"));
    assertThat(out.backfillTimes).containsExactly(KrakenTimes.rfc3339ToMicros("2023-09-25T07:49:37.000001Z"));
  }

  @Test
  void aResubscriptionSnapshotRepeatingSeenTradesClosesTheDisconnectAsCostingNothing() {
    KrakenV2Session session = session(Set.of(Channel.TRADES), "MATIC/USD");
    session.onFrame(trade(100, "2023-09-25T07:49:37Z"), 1);
    session.onDisconnect("peer closed", 2);
    session.onFrame(trade(98, "2023-09-25T07:49:36Z"), 3); // the new subscription's snapshot of recent trades
    session.onFrame(trade(99, "2023-09-25T07:49:36.5Z"), 4);
    session.onFrame(trade(100, "2023-09-25T07:49:37Z"), 5);
    session.onFrame(trade(101, "2023-09-25T07:49:40Z"), 6);

    assertThat(out.backfills).as("no id is missing: the hole closes with nothing to fetch").containsExactly(
        new RecordingOutput.Backfill("MATIC/USD", 100, 101, "disconnected: peer closed"));
    assertThat(out.gaps).extracting(RecordingOutput.Gap::reason).containsOnly("disconnected: peer closed");
  }

  private static String trade(long id, String time) {
    return "{\"channel\":\"trade\",\"type\":\"update\",\"data\":[{\"symbol\":\"MATIC/USD\",\"side\":\"sell\","
        + "\"price\":0.5117,\"qty\":40.0,\"ord_type\":\"market\",\"trade_id\":" + id + ",\"timestamp\":\"" + time
        + "\"}]}";
  }

  @Test
  void aSubscribeErrorIsCountedWithKrakensMessage() {
    KrakenV2Session session = session(Set.of(Channel.TRADES), "XBT/USD");
    session.onFrame(lines("v2-subscribe-error.json").get(0), 1);
    assertThat(session.stats().parseErrors()).isEqualTo(1);
    assertThat(session.stats().lastError()).contains("subscribe failed for XBT/USD")
        .contains("Currency pair not supported XBT/USD");
    assertThat(out.events).isEmpty();
  }

  @Test
  void malformedFramesAreCountedWithTheBadValueNeverThrown() {
    KrakenV2Session session = session(Set.of(Channel.TRADES), BTC);
    session.onFrame("not json", 1);
    session.onFrame("[1,2]", 2);
    session.onFrame("{\"channel\":\"trade\",\"type\":\"update\",\"data\":[{\"symbol\":\"BTC/USD\",\"side\":\"up\","
        + "\"price\":1.5,\"qty\":2,\"trade_id\":7,\"timestamp\":\"2023-09-25T07:49:37.708706Z\"}]}", 3);
    assertThat(session.stats().lastError()).contains("'up'");
    session.onFrame("{\"channel\":\"trade\",\"type\":\"update\",\"data\":[{\"symbol\":\"BTC/USD\",\"side\":\"buy\","
        + "\"price\":\"abc\",\"qty\":2,\"trade_id\":7,\"timestamp\":\"2023-09-25T07:49:37.708706Z\"}]}", 4);
    assertThat(session.stats().lastError()).contains("'abc'");
    session.onFrame("{\"channel\":\"trade\",\"type\":\"update\",\"data\":[{\"symbol\":\"BTC/USD\",\"side\":\"buy\","
        + "\"price\":1.5,\"qty\":2,\"trade_id\":7,\"timestamp\":\"yesterday\"}]}", 5);
    assertThat(session.stats().lastError()).contains("'yesterday'");
    session.onFrame("{\"channel\":\"book\",\"type\":\"delta\",\"data\":[]}", 6);
    assertThat(session.stats().lastError()).contains("'delta'");
    assertThat(session.stats().parseErrors()).isEqualTo(6);
    session.onFrame("{\"channel\":\"ohlc\",\"type\":\"update\",\"data\":[]}", 7);
    assertThat(session.stats().schemaDrift()).isEqualTo(1);
    assertThat(out.drift).singleElement().satisfies(d -> assertThat(d.detail()).contains("'ohlc'"));
    assertThat(out.events).isEmpty();
  }

  @Test
  void aLostConnectionClearsBooksAndMarksEverySymbol() {
    KrakenV2Session session = bookSession();
    replay(session, lines("v2-book.jsonl"));
    session.onDisconnect("ping timeout", 77);
    assertThat(session.books().values()).allSatisfy(book -> assertThat(book.isEmpty(Side.BUY)).isTrue());
    assertThat(out.gaps).extracting(RecordingOutput.Gap::symbol).containsExactly(BTC, ETH);
    assertThat(session.stats().gaps()).isEqualTo(1);
  }

  /**
   * Kraken's checksum the plain way, independent of the session's code: levels kept as their received text in
   * maps ordered by BigDecimal, the checksum string built from that text with '.' and leading zeros removed.
   */
  private static final class ReferenceBooks {
    private static final Pattern SYMBOL = Pattern.compile("\"symbol\":\"([^\"]+)\"");
    private static final Pattern SIDE = Pattern.compile("\"(bids|asks)\":\\[([^\\]]*)\\]");
    private static final Pattern LEVEL = Pattern.compile("\\{\"price\":([0-9.]+),\"qty\":([0-9.]+)\\}");
    private static final Pattern CHECKSUM = Pattern.compile("\"checksum\":([0-9]+)");
    private final Map<String, Map<String, TreeMap<BigDecimal, String[]>>> books = new HashMap<>();

    /** Applies one book frame (one data entry) and tells whether its checksum matches. */
    boolean apply(String frame) {
      Matcher symbol = SYMBOL.matcher(frame);
      assertThat(symbol.find()).isTrue();
      Map<String, TreeMap<BigDecimal, String[]>> book = books.computeIfAbsent(symbol.group(1), s -> new HashMap<>());
      if (frame.contains("\"type\":\"snapshot\"")) {
        book.clear();
      }
      TreeMap<BigDecimal, String[]> bids = book.computeIfAbsent("bids", s -> new TreeMap<>(Comparator.reverseOrder()));
      TreeMap<BigDecimal, String[]> asks = book.computeIfAbsent("asks", s -> new TreeMap<>());
      Matcher side = SIDE.matcher(frame);
      while (side.find()) {
        TreeMap<BigDecimal, String[]> levels = side.group(1).equals("bids") ? bids : asks;
        Matcher level = LEVEL.matcher(side.group(2));
        while (level.find()) {
          BigDecimal price = new BigDecimal(level.group(1));
          if (new BigDecimal(level.group(2)).signum() == 0) {
            levels.remove(price);
          } else {
            levels.put(price, new String[] {level.group(1), level.group(2)});
          }
        }
        while (levels.size() > 10) {
          levels.pollLastEntry();
        }
      }
      Matcher checksum = CHECKSUM.matcher(frame);
      assertThat(checksum.find()).isTrue();
      return Long.parseLong(checksum.group(1)) == crc(asks, bids);
    }

    private static long crc(TreeMap<BigDecimal, String[]> asks, TreeMap<BigDecimal, String[]> bids) {
      StringBuilder text = new StringBuilder();
      asks.values().stream().limit(10).forEach(l -> text.append(strip(l[0])).append(strip(l[1])));
      bids.values().stream().limit(10).forEach(l -> text.append(strip(l[0])).append(strip(l[1])));
      CRC32 crc = new CRC32();
      crc.update(text.toString().getBytes(StandardCharsets.US_ASCII));
      return crc.getValue();
    }

    private static String strip(String decimal) {
      return decimal.replace(".", "").replaceFirst("^0+", "");
    }
  }
}
