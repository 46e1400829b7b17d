package io.tickwire.recorder;

import static io.tickwire.recorder.Recorded.MS;
import static io.tickwire.recorder.Recorded.T0;
import static io.tickwire.recorder.Recorded.book;
import static io.tickwire.recorder.Recorded.bounds;
import static io.tickwire.recorder.Recorded.trade;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.MarketEvent;
import io.tickwire.codecs.Trade;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The ring's three bounds, seen through the recorder's counters and the events a capture takes from it. */
class EventRingTest {
  private static List<MarketEvent> trades(int from, int to) {
    return IntStream.range(from, to).<MarketEvent>mapToObj(Recorded::trade).toList();
  }

  @Test
  void keepsTheNewestMaxEventsAcrossGrowthAndWrapAround() {
    EventRing ring = new EventRing(3_000, Long.MAX_VALUE, Long.MAX_VALUE);
    for (int i = 0; i < 10_000; i++) {
      int evicted = ring.add(trade(i));
      assertThat(evicted).isEqualTo(i < 3_000 ? 0 : 1);
    }
    assertThat(ring.size()).isEqualTo(3_000);
    assertThat(ring.newest(3_000)).containsExactlyElementsOf(trades(7_000, 10_000));
    assertThat(ring.newest(5)).containsExactlyElementsOf(trades(9_995, 10_000));
    assertThat(ring.newest(100_000)).hasSize(3_000);
  }

  @Test
  void recorderCountsWhatTheCountBoundEvicts() {
    FlightRecorder recorder = new FlightRecorder(bounds(600_000, 100, 64L << 20), incident -> { });
    for (int i = 0; i < 250; i++) {
      recorder.record(trade(i));
    }
    RecorderStats stats = recorder.stats();
    assertThat(stats.eventsRecorded()).isEqualTo(250);
    assertThat(stats.eventsHeld()).isEqualTo(100);
    assertThat(stats.eventsEvicted()).isEqualTo(150);
    assertThat(stats.bytesHeld()).isEqualTo(Recorded.recordBytes(trades(150, 250)));
  }

  @Test
  void keepsNoMoreThanMaxBytes() {
    int size = Recorded.recordSize(trade(0));
    EventRing ring = new EventRing(1_000, 10L * size + size / 2, Long.MAX_VALUE);
    for (int i = 0; i < 500; i++) {
      ring.add(trade(i));
      assertThat(ring.bytes()).isLessThanOrEqualTo(10L * size + size / 2);
    }
    assertThat(ring.size()).isEqualTo(10);
    // Trades from the 64th on take a byte more than the first (their sequence number's varint is two bytes).
    assertThat(ring.bytes()).isEqualTo(Recorded.recordBytes(trades(490, 500)));
    assertThat(ring.newest(10)).containsExactlyElementsOf(trades(490, 500));
  }

  @Test
  void aBigBookEvictsAsManySmallEventsAsItsSizeNeeds() {
    int tradeSize = Recorded.recordSize(trade(0));
    EventRing ring = new EventRing(1_000, 20L * tradeSize, Long.MAX_VALUE);
    for (int i = 0; i < 20; i++) {
      ring.add(trade(i));
    }
    MarketEvent bigBook = book(20, 20); // about ten trades' worth of bytes
    int evicted = ring.add(bigBook);

    long bookSize = Recorded.recordSize(bigBook);
    assertThat(evicted).isEqualTo((int) ((bookSize + tradeSize - 1) / tradeSize));
    assertThat(ring.bytes()).isLessThanOrEqualTo(20L * tradeSize).isEqualTo(bookSize + (20L - evicted) * tradeSize);
  }

  @Test
  void keepsTheLastWindowOfEventTimeWhateverTheWallClock() {
    EventRing ring = new EventRing(1_000_000, Long.MAX_VALUE, 100 * MS);
    for (int i = 0; i < 500; i++) {
      ring.add(trade(i)); // 1 ms of event time apart, recorded within microseconds of wall time
    }
    // The newest is at 499 ms; 399 ms is exactly 100 ms behind it and stays.
    assertThat(ring.size()).isEqualTo(101);
    assertThat(ring.newest(101)).containsExactlyElementsOf(trades(399, 500));
  }

  @Test
  void aLateEventDoesNotMoveTheWindowBack() {
    EventRing ring = new EventRing(1_000, Long.MAX_VALUE, 100 * MS);
    for (int i = 0; i < 200; i++) {
      ring.add(trade(i));
    }
    Trade late = new Trade("sim", "BTC-USD", "late", 1, 1, trade(0).side(), T0, T0, 0);
    ring.add(late);
    ring.add(trade(200));
    // 100..200 are within 100 ms of the newest (200 ms); the late event is kept as evidence until it is oldest.
    assertThat(ring.newest(1_000)).hasSize(102).endsWith(late, trade(200)).startsWith(trade(100));
  }

  @Test
  void theRecordSizeCountsStringsAndBookLevels() {
    Trade t = trade(0);
    // tag, venue and symbol (length + ASCII), ingest delay, seq, trade id, price, size, side: no object overhead.
    assertThat(Recorded.recordSize(t)).isEqualTo(1 + (1 + 3) + (1 + 7) + 2 + 1 + (1 + 7) + 4 + 2 + 1);
    Trade longerId = new Trade(t.venue(), t.symbol(), t.tradeId() + "xyz", t.price(), t.size(), t.side(),
        t.eventTime(), t.ingestTime(), t.seq());
    assertThat(Recorded.recordSize(longerId) - Recorded.recordSize(t)).isEqualTo(3);
    // A level is its side, price and size; these five per side each take 1 + 4 + 2 bytes.
    assertThat(Recorded.recordSize(book(0, 10)) - Recorded.recordSize(book(0, 5))).isEqualTo(10 * 7);
    assertThat(Recorded.recordSize(Recorded.quote(0)))
        .isEqualTo(1 + (1 + "sim".length()) + (1 + "ETH-USD".length()) + 2 + 1 + 4 + 2 + 4 + 1);
  }

  @Test
  void mixedEventsComeBackEqualAfterTheBytesBoundWrapsManyTimes() {
    EventRing ring = new EventRing(1_000_000, 20_000, Long.MAX_VALUE); // 2 KiB chunks, turned over ~70 times
    List<MarketEvent> all = IntStream.range(0, 30_000).mapToObj(Recorded::mixed).toList();
    all.forEach(ring::add);

    int held = ring.size();
    List<MarketEvent> newest = all.subList(all.size() - held, all.size());
    assertThat(ring.newest(held)).containsExactlyElementsOf(newest);
    assertThat(ring.bytes()).isEqualTo(Recorded.recordBytes(newest)).isLessThanOrEqualTo(20_000);
    assertThat(ring.bytes() + Recorded.recordSize(all.get(all.size() - held - 1))).isGreaterThan(20_000);
  }

  @Test
  void anEventLargerThanTheWholeRingEvictsEverythingAndIsNotKept() {
    EventRing ring = new EventRing(1_000, 2_000, 100 * MS);
    for (int i = 0; i < 10; i++) {
      ring.add(trade(i));
    }
    MarketEvent huge = book(1_000, 200); // 1 s of event time later, and several times 2,000 bytes

    assertThat(ring.add(huge)).isEqualTo(11);
    assertThat(ring.size()).isZero();
    assertThat(ring.bytes()).isZero();
    assertThat(ring.newest(5)).isEmpty();
    // The window still moved to the huge event's time, as it would have had it been kept and evicted.
    assertThat(ring.add(trade(11))).isEqualTo(1);
    assertThat(ring.add(trade(1_000))).isZero();
    assertThat(ring.newest(5)).containsExactly(trade(1_000));
  }

  @Test
  void aSmallStreamTakesOneChunkNotTheBound() {
    EventRing ring = new EventRing(500_000, 64L << 20, 600_000 * MS);
    for (int i = 0; i < 100; i++) {
      ring.add(Recorded.mixed(i));
    }
    assertThat(ring.bytesAllocated()).isEqualTo(64 * 1024);
  }

  @Test
  void memoryStaysWithinTheBytesBoundPlusThreeChunksWhateverTheInput() {
    long maxBytes = 1L << 20;
    EventRing ring = new EventRing(10_000_000, maxBytes, Long.MAX_VALUE);
    for (int i = 0; i < 200_000; i++) {
      // Mostly small events, now and then a book of thousands of levels.
      ring.add(i % 10_000 == 0 ? book(i, 5_000) : Recorded.mixed(i));
      assertThat(ring.bytes()).isLessThanOrEqualTo(maxBytes);
    }
    assertThat(ring.bytesAllocated()).isLessThanOrEqualTo(maxBytes + 3 * 64 * 1024);
  }
}
