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
    assertThat(stats.bytesHeld()).isEqualTo(100L * EventSizes.estimate(trade(0)));
  }

  @Test
  void keepsNoMoreThanMaxBytes() {
    int size = EventSizes.estimate(trade(0));
    EventRing ring = new EventRing(1_000, 10L * size + size / 2, Long.MAX_VALUE);
    for (int i = 0; i < 500; i++) {
      ring.add(trade(i));
      assertThat(ring.bytes()).isLessThanOrEqualTo(10L * size + size / 2);
    }
    assertThat(ring.size()).isEqualTo(10);
    assertThat(ring.bytes()).isEqualTo(10L * size);
    assertThat(ring.newest(10)).containsExactlyElementsOf(trades(490, 500));
  }

  @Test
  void aBigBookEvictsAsManySmallEventsAsItsSizeNeeds() {
    int tradeSize = EventSizes.estimate(trade(0));
    EventRing ring = new EventRing(1_000, 20L * tradeSize, Long.MAX_VALUE);
    for (int i = 0; i < 20; i++) {
      ring.add(trade(i));
    }
    MarketEvent bigBook = book(20, 50);
    int evicted = ring.add(bigBook);

    long bookSize = EventSizes.estimate(bigBook);
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
  void theEstimateCountsStringsAndBookLevels() {
    Trade t = trade(0);
    assertThat(EventSizes.estimate(t)).isEqualTo(EventSizes.SLOT + EventSizes.TRADE
        + 3 * EventSizes.STRING + t.venue().length() + t.symbol().length() + t.tradeId().length());
    assertThat(EventSizes.estimate(book(0, 10)) - EventSizes.estimate(book(0, 5)))
        .isEqualTo(10 * EventSizes.LEVEL);
    assertThat(EventSizes.estimate(Recorded.quote(0))).isEqualTo(EventSizes.SLOT + EventSizes.QUOTE
        + 2 * EventSizes.STRING + "sim".length() + "ETH-USD".length());
  }
}
