package io.tickwire.connector.kraken;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.book.OrderBook;
import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.Side;
import io.tickwire.connector.kraken.KrakenV1Book.Outcome;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KrakenV1BookTest {
  private static List<String> receivedFrames() {
    return KrakenV1Fixtures.receivedFrames(KrakenV1Fixtures.BOOK);
  }

  private static Map<Outcome, Integer> replay(KrakenV1Book book, List<String> frames) {
    Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
    for (String frame : frames) {
      outcomes.merge(book.onFrame(frame), 1, Integer::sum);
    }
    return outcomes;
  }

  @Test
  void everyChecksumInTheRecordingVerifies() {
    List<String> frames = receivedFrames();
    List<String> failed = new ArrayList<>();
    KrakenV1Book book = new KrakenV1Book("kraken", 1000, failed::add);
    Map<Outcome, Integer> outcomes = replay(book, frames);
    assertThat(book.lastError()).isNull();
    assertThat(failed).isEmpty();
    assertThat(book.parseErrors()).isZero();
    assertThat(book.checksumFailed()).isZero();
    assertThat(book.snapshots()).isEqualTo(10);
    assertThat(book.unverified()).isZero();
    long updates = frames.stream().filter(f -> f.contains("\"c\":\"")).count();
    assertThat(book.checksumOk()).isEqualTo(updates).isGreaterThan(1400);
    assertThat(outcomes.get(Outcome.CHECKSUM_OK)).isEqualTo((int) updates);
    assertThat(book.books()).hasSize(10);
    for (OrderBook b : book.books().values()) {
      assertThat(b.crossed()).as(b.toString()).isFalse();
      assertThat(b.depth(Side.BUY)).as(b.toString()).isBetween(10, 1000);
      assertThat(b.depth(Side.SELL)).as(b.toString()).isBetween(10, 1000);
    }
  }

  @Test
  void aCorruptedLevelFailsTheChecksumForThatPairOnly() {
    List<String> frames = receivedFrames();
    KrakenV1Book clean = new KrakenV1Book();
    replay(clean, frames);
    KrakenV1Fixtures.Corrupted corruption = KrakenV1Fixtures.corruptOneTopLevel();
    List<String> corrupted = corruption.frames();
    int target = corruption.index();
    String pair = corruption.pair();

    List<String> resubscribe = new ArrayList<>();
    KrakenV1Book book = new KrakenV1Book("kraken", 1000, resubscribe::add);
    List<Outcome> outcomes = new ArrayList<>();
    for (String f : corrupted) {
      outcomes.add(book.onFrame(f));
    }
    assertThat(outcomes.get(target)).isEqualTo(Outcome.CHECKSUM_FAILED);
    assertThat(book.checksumFailed()).isEqualTo(1);
    assertThat(book.failuresByPair()).containsOnlyKeys(pair);
    assertThat(resubscribe).containsExactly(pair);
    assertThat(book.lastError()).contains(pair);
    assertThat(book.resyncing(pair)).isTrue();
    long laterForPair = 0;
    for (int i = target + 1; i < corrupted.size(); i++) {
      if (corrupted.get(i).endsWith("\"" + pair + "\"]")) {
        laterForPair++;
        assertThat(outcomes.get(i)).isEqualTo(Outcome.DROPPED);
      }
    }
    assertThat(book.dropped()).isEqualTo(laterForPair);
    // Every other pair's checksums still verify.
    assertThat(book.checksumOk() + book.checksumFailed() + book.dropped()).isEqualTo(clean.checksumOk());
    for (String other : clean.books().keySet()) {
      if (!other.equals(pair)) {
        assertThat(book.resyncing(other)).isFalse();
        assertThat(book.bookOf(other).topLevels(Side.BUY, 10)).isEqualTo(clean.bookOf(other).topLevels(Side.BUY, 10));
      }
    }

    // A new snapshot for the pair resyncs it and its updates verify again.
    String snapshot = frames.stream().filter(f -> f.contains("{\"as\":") && f.endsWith("\"" + pair + "\"]"))
        .findFirst().orElseThrow();
    assertThat(book.onFrame(snapshot)).isEqualTo(Outcome.SNAPSHOT);
    assertThat(book.resyncing(pair)).isFalse();
  }

  @Test
  void appliesBothSidesOfACombinedUpdateAndRepublishedLevels() {
    KrakenV1Book book = new KrakenV1Book("kraken", 10, null);
    StringBuilder as = new StringBuilder();
    StringBuilder bs = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      as.append(i == 0 ? "" : ",").append("[\"").append(101 + i).append(".0\",\"1.00\",\"1.1\"]");
      bs.append(i == 0 ? "" : ",").append("[\"").append(100 - i).append(".0\",\"2.00\",\"1.1\"]");
    }
    assertThat(book.onFrame("[1,{\"as\":[" + as + "],\"bs\":[" + bs + "]},\"book-10\",\"T/USD\"]"))
        .isEqualTo(Outcome.SNAPSHOT);
    OrderBook b = book.bookOf("T/USD");
    assertThat(b.depth(Side.SELL)).isEqualTo(10);
    assertThat(b.depth(Side.BUY)).isEqualTo(10);

    OrderBook expected = new OrderBook("kraken", "T/USD");
    for (Side side : Side.values()) {
      b.topLevels(side, 10).forEach(expected::apply);
    }
    expected.apply(Side.SELL, Decimals.parse("101.0"), 0);
    expected.apply(Side.SELL, Decimals.parse("111.0"), Decimals.parse("1.00"));
    expected.apply(Side.BUY, Decimals.parse("99.5"), Decimals.parse("3.00"));
    expected.truncate(10);
    long crc = KrakenChecksum.of(expected);
    String update = "[1,{\"a\":[[\"101.0\",\"0.00\",\"1.2\"],[\"111.0\",\"1.00\",\"1.2\",\"r\"]]},"
        + "{\"b\":[[\"99.5\",\"3.00\",\"1.3\"]],\"c\":\"" + crc + "\"},\"book-10\",\"T/USD\"]";
    assertThat(book.onFrame(update)).isEqualTo(Outcome.CHECKSUM_OK);
    assertThat(Decimals.toString(b.bestAsk())).isEqualTo("102.0");
    assertThat(Decimals.toString(b.bestBid())).isEqualTo("100.0");
    assertThat(b.topLevels(Side.BUY, 2).get(1).price()).isEqualTo(Decimals.parse("99.5"));
    assertThat(b.depth(Side.BUY)).isEqualTo(10);
  }

  @Test
  void ignoresEventsAndCountsMalformedFrames() {
    KrakenV1Book book = new KrakenV1Book();
    assertThat(book.onFrame("{\"event\":\"heartbeat\"}")).isEqualTo(Outcome.IGNORED);
    assertThat(book.onFrame("[1,[[\"1.0\",\"2.0\",\"3.0\",\"b\",\"l\",\"\"]],\"trade\",\"X/Y\"]"))
        .isEqualTo(Outcome.IGNORED);
    assertThat(book.onFrame("[1,{\"a\":[[\"2.0\",\"1\",\"1\"]],\"c\":\"1\"},\"book-10\",\"X/Y\"]"))
        .as("an update before the pair's snapshot has no book to apply to").isEqualTo(Outcome.DROPPED);
    assertThat(book.onFrame("[1,{\"as\":[[\"1.0\",\"1.0\",\"1.0\"]],\"bs\":[[\"0.5\",\"1.0\",\"1.0\"]]},"
        + "\"book-10\",\"X/Y\"]")).isEqualTo(Outcome.SNAPSHOT);
    assertThat(book.onFrame("[1,{\"a\":[[\"x\",\"1\",\"1\"]],\"c\":\"1\"},\"book-10\",\"X/Y\"]"))
        .isEqualTo(Outcome.PARSE_ERROR);
    assertThat(book.onFrame("[1,{\"a\":")).isEqualTo(Outcome.PARSE_ERROR);
    assertThat(book.parseErrors()).isEqualTo(2);
    assertThat(book.lastError()).isNotNull();
  }
}
