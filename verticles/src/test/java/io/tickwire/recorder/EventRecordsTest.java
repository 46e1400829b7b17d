package io.tickwire.recorder;

import static io.tickwire.recorder.Recorded.T0;
import static io.tickwire.recorder.Recorded.anomaly;
import static io.tickwire.recorder.Recorded.book;
import static io.tickwire.recorder.Recorded.quote;
import static io.tickwire.recorder.Recorded.settings;
import static io.tickwire.recorder.Recorded.trade;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.AnomalyTypes;
import io.tickwire.codecs.BookLevel;
import io.tickwire.codecs.BookUpdate;
import io.tickwire.codecs.FeedGap;
import io.tickwire.codecs.MarketEvent;
import io.tickwire.codecs.Quote;
import io.tickwire.codecs.Side;
import io.tickwire.codecs.Trade;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Every kind of event goes into the ring as bytes and comes back equal, field for field. */
class EventRecordsTest {
  private static final List<MarketEvent> EVERY_KIND = List.of(
      trade(0),
      trade(12).asBackfill(), // provenance survives the ring: an incident shows which trades were fetched
      quote(1),
      book(2, 5), // snapshot
      book(3, 3), // delta
      new BookUpdate("sim", "BTC-USD", false, List.of(), T0 + 4, T0 + 4, 5),
      new FeedGap("sim", "BTC-USD", "reconnected after 3 s", T0 + 5, T0 + 5, 6),
      // Non-ASCII text, negative and extreme numbers, an ingest time before the event time, seq 0.
      new Trade("börse", "日本-JPY", "id-é", -12_345, Long.MAX_VALUE, Side.SELL, T0 + 6, T0 - 1_000_000, 0),
      new Quote("x", "y", Long.MIN_VALUE, 0, Long.MAX_VALUE, -1, T0 + 7, T0 + 7, Long.MAX_VALUE),
      new BookUpdate("b", "s", true, List.of(new BookLevel(Side.BUY, -5, 0), new BookLevel(Side.SELL, 1L << 62, 1)),
          T0 + 8, T0 + 9, 9),
      new FeedGap("g", "s", "", T0 + 9, T0 + 9, 10),
      // Text of 128 chars and more: a length of two varint bytes.
      new FeedGap("g", "s", "r".repeat(300), T0 + 10, T0 + 10, 11));

  private static EventRing unbounded() {
    return new EventRing(1_000_000, Long.MAX_VALUE, Long.MAX_VALUE);
  }

  @Test
  void everyKindComesBackEqualThroughTheRing() {
    EventRing ring = unbounded();
    EVERY_KIND.forEach(ring::add);

    assertThat(ring.newest(EVERY_KIND.size())).containsExactlyElementsOf(EVERY_KIND);
    assertThat(ring.bytes()).isEqualTo(Recorded.recordBytes(EVERY_KIND));
  }

  @Test
  void decodedVenuesAndSymbolsAreSharedInstances() {
    EventRing ring = unbounded();
    ring.add(trade(0));
    ring.add(trade(1));

    List<MarketEvent> events = ring.newest(2);
    assertThat(events.get(0).venue()).isSameAs(events.get(1).venue());
    assertThat(events.get(0).symbol()).isSameAs(events.get(1).symbol());
  }

  @Test
  void aBookOfManyLevelsSpansSeveralChunksAndComesBackWhole() {
    EventRing ring = new EventRing(100, 1L << 16, Long.MAX_VALUE); // 8 KiB chunks
    BookUpdate deep = book(0, 2_000);
    ring.add(trade(1));
    ring.add(deep);
    ring.add(trade(2));

    assertThat(Recorded.recordSize(deep)).isGreaterThan(3 * 8 * 1024);
    assertThat(ring.newest(3)).containsExactly(trade(1), deep, trade(2));
  }

  @Test
  void aCaptureOfMixedEventsHoldsExactlyTheEventsRecorded() {
    List<Incident> incidents = new ArrayList<>();
    FlightRecorder recorder = new FlightRecorder(settings(50, 10, 60_000), incidents::add);
    List<MarketEvent> events = IntStream.range(0, 200).mapToObj(Recorded::mixed).toList();
    events.subList(0, 100).forEach(recorder::record);
    recorder.anomaly(anomaly(AnomalyTypes.OUTLIER_PRICE, events.get(99)), 0);
    events.subList(100, 110).forEach(recorder::record);

    assertThat(incidents).singleElement().satisfies(incident -> {
      assertThat(incident.before()).containsExactlyElementsOf(events.subList(50, 100));
      assertThat(incident.after()).containsExactlyElementsOf(events.subList(100, 110));
      assertThat(incident.triggerLine()).hasValue(50);
    });
  }
}
