package io.tickwire.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.BookUpdate;
import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.FeedGap;
import io.tickwire.codecs.MarketEvent;
import io.tickwire.codecs.Side;
import io.tickwire.codecs.Trade;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ledger in memory: spans merge, holes open and close with their causes, replays change nothing, caps hold. */
class CoverageLedgerTest {
  private static final long S = 1_000_000L;
  private static final long T0 = 1_714_521_600L * S;
  private static final StreamKey TRADES = new StreamKey("coinbase", "BTC-USD", Channel.TRADES);
  private static final StreamKey BOOK = new StreamKey("coinbase", "BTC-USD", Channel.BOOK);

  private final CoverageLedger ledger = new CoverageLedger(1000, 64, 10_000);

  @Test
  void eventsOfAStreamMergeIntoOneCoveredSpanWrittenAsOneSegment() {
    for (int i = 0; i < 100; i++) {
      ledger.observe(trade("BTC-USD", i, T0 + i * S));
    }
    assertThat(ledger.drainChanges()).containsExactly(Segment.covered(TRADES, T0, T0 + 99 * S));
    assertThat(ledger.drainChanges()).as("nothing changed since").isEmpty();
  }

  @Test
  void aDisconnectMarkerOpensAHoleOnEveryChannelFromTheLastEventToTheNextOne() {
    ledger.observe(trade("BTC-USD", 1, T0));
    ledger.observe(book(T0 + S));
    ledger.observe(trade("BTC-USD", 2, T0 + 2 * S));
    ledger.observe(gap("disconnected: connection closed", T0 + 3 * S));
    List<Segment> opened = ledger.drainChanges();
    assertThat(opened).contains(Segment.hole(TRADES, T0 + 2 * S, T0 + 2 * S, HoleCause.DISCONNECT,
        "disconnected: connection closed", true), Segment.hole(BOOK, T0 + S, T0 + S, HoleCause.DISCONNECT,
        "disconnected: connection closed", true));

    ledger.observe(trade("BTC-USD", 9, T0 + 10 * S));
    assertThat(ledger.segments(TRADES)).containsExactly(Segment.covered(TRADES, T0, T0 + 2 * S),
        Segment.hole(TRADES, T0 + 2 * S, T0 + 10 * S, HoleCause.DISCONNECT, "disconnected: connection closed", false),
        Segment.covered(TRADES, T0 + 10 * S, T0 + 10 * S));
    assertThat(ledger.segments(BOOK)).as("the book has not come back yet").last()
        .satisfies(s -> assertThat(s.ongoing()).isTrue());
  }

  @Test
  void anOutcomeSettlesTheOpenHoleOfItsReasonNotOneSettledAlready() {
    String reason = "disconnected: connection closed";
    ledger.observe(trade("BTC-USD", 1, T0));
    ledger.observe(gap(reason, T0 + S));
    ledger.observe(trade("BTC-USD", 8, T0 + 2 * S)); // the first hole's fetch is still running
    ledger.observe(gap(reason, T0 + 3 * S));
    ledger.observe(trade("BTC-USD", 9, T0 + 4 * S));
    ledger.observe(gap(HoleOutcome.backfilled(0, reason), T0 + 4 * S)); // the second drop lost nothing
    ledger.observe(gap(HoleOutcome.backfilled(6, reason), T0 + 5 * S)); // the first fetch ends

    List<Segment> holes = ledger.segments(TRADES).stream().filter(s -> s.kind() == Segment.Kind.HOLE).toList();
    assertThat(holes).extracting(Segment::from).containsExactly(T0, T0 + 2 * S);
    assertThat(holes).extracting(Segment::state)
        .containsExactly(HoleOutcome.HoleState.BACKFILLED, HoleOutcome.HoleState.BACKFILLED);
    assertThat(holes).extracting(Segment::recovered).containsExactly(6L, 0L);
  }

  @Test
  void aTradeIdJumpIsASequenceGapOfTheTradesAlone() {
    ledger.observe(trade("BTC-USD", 1, T0));
    ledger.observe(book(T0));
    ledger.observe(gap("trade_id jumped from 1 to 8 (6 missing)", T0 + S));
    ledger.observe(trade("BTC-USD", 8, T0 + 5 * S));
    assertThat(ledger.segments(TRADES)).extracting(Segment::cause).containsExactly(null, HoleCause.SEQUENCE_GAP,
        null);
    assertThat(ledger.segments(BOOK)).containsExactly(Segment.covered(BOOK, T0, T0));
  }

  @Test
  void theReasonsTheConnectorsGiveMapToTheirCauses() {
    assertThat(HoleCause.classify("disconnected: closed 1006")).isEqualTo(HoleCause.DISCONNECT);
    assertThat(HoleCause.classify("binance disconnected: timeout")).isEqualTo(HoleCause.DISCONNECT);
    assertThat(HoleCause.classify("sequence_num jumped from 5 to 9")).isEqualTo(HoleCause.DISCONNECT);
    assertThat(HoleCause.classify("disconnected: no frame from wss://ws.kraken.com for 30000 ms"))
        .isEqualTo(HoleCause.STALE_FEED);
    assertThat(HoleCause.classify("trade_id jumped from 1 to 8 (6 missing)")).isEqualTo(HoleCause.SEQUENCE_GAP);
    assertThat(HoleCause.classify("book checksum failed: expected 1 got 2")).isEqualTo(HoleCause.CHECKSUM);
    assertThat(HoleCause.classify("binance depth update U=5 after u=3")).isEqualTo(HoleCause.CHECKSUM);
    assertThat(HoleCause.classify("deribit book change prev_change_id=4")).isEqualTo(HoleCause.CHECKSUM);
    assertThat(HoleCause.classify("connector buffer full: oldest events dropped"))
        .isEqualTo(HoleCause.BUFFER_OVERFLOW);
    assertThat(HoleCause.classify("\u0000 anything a producer invents")).as("the widest hole")
        .isEqualTo(HoleCause.DISCONNECT);
  }

  @Test
  void replayingTheSameEventsChangesNothing() {
    List<MarketEvent> stream = List.of(trade("BTC-USD", 1, T0), trade("BTC-USD", 2, T0 + S),
        gap("disconnected: x", T0 + 2 * S), trade("BTC-USD", 5, T0 + 5 * S), trade("BTC-USD", 6, T0 + 6 * S));
    stream.forEach(ledger::observe);
    List<Segment> first = ledger.segments(TRADES);
    ledger.drainChanges();
    stream.stream().filter(e -> !(e instanceof FeedGap)).forEach(ledger::observe);
    assertThat(ledger.segments(TRADES)).isEqualTo(first);
    assertThat(ledger.drainChanges()).isEmpty();
  }

  @Test
  void outOfOrderEventsInsideTheSpanDoNotSplitIt() {
    ledger.observe(trade("BTC-USD", 1, T0 + 5 * S));
    ledger.observe(trade("BTC-USD", 2, T0 + 2 * S));
    ledger.observe(trade("BTC-USD", 3, T0 + 9 * S));
    assertThat(ledger.segments(TRADES)).containsExactly(Segment.covered(TRADES, T0 + 5 * S, T0 + 9 * S));
  }

  @Test
  void aFloodOfInventedSymbolsStaysWithinTheStreamCapAndLosesNoChange() {
    CoverageLedger small = new CoverageLedger(100, 4, 1_000_000);
    for (int i = 0; i < 5_000; i++) {
      small.observe(trade("SYM" + i, 1, T0 + i));
    }
    assertThat(small.streams()).isEqualTo(100);
    assertThat(small.streamsEvicted()).isEqualTo(4_900);
    assertThat(small.drainChanges()).as("every evicted stream's span still reaches the store").hasSize(5_000);
  }

  @Test
  void segmentsWaitingForAnAbsentDatabaseAreCappedOldestFirstAndCounted() {
    CoverageLedger capped = new CoverageLedger(10_000, 4, 100);
    for (int i = 0; i < 300; i++) {
      capped.observe(trade("SYM" + i, 1, T0 + i));
    }
    List<Segment> failed = capped.drainChanges();
    assertThat(failed).hasSize(100);
    assertThat(capped.unwrittenDropped()).isEqualTo(200);
    capped.observe(trade("SYM299", 2, T0 + 10 * S));
    capped.retry(failed);
    List<Segment> next = capped.drainChanges();
    assertThat(next).hasSize(100);
    assertThat(next).as("the newest version of a segment wins over the retried one")
        .contains(Segment.covered(new StreamKey("coinbase", "SYM299", Channel.TRADES), T0 + 299, T0 + 10 * S));
  }

  @Test
  void eachStreamKeepsABoundedHistoryInMemory() {
    CoverageLedger short_ = new CoverageLedger(10, 3, 10_000);
    for (int i = 0; i < 50; i++) {
      short_.observe(trade("BTC-USD", i, T0 + 2 * i * S));
      short_.observe(gap("disconnected: flapping", T0 + (2 * i + 1) * S));
    }
    assertThat(short_.segments(TRADES)).hasSizeLessThanOrEqualTo(4);
  }

  @Test
  void theRatioCountsOpenHolesToTheWindowEndAndQuietTimeAsNeither() {
    ledger.observe(trade("BTC-USD", 1, T0));
    ledger.observe(trade("BTC-USD", 2, T0 + 30 * S));
    ledger.observe(gap("disconnected: x", T0 + 31 * S));
    ledger.observe(trade("BTC-USD", 3, T0 + 40 * S));
    ledger.observe(trade("BTC-USD", 4, T0 + 100 * S));
    CoverageRatio r = ledger.ratios(100 * S).get("coinbase").get(Channel.TRADES);
    assertThat(r.missingMicros()).isEqualTo(10 * S);
    assertThat(r.coveredMicros()).isEqualTo(90 * S);
    assertThat(r.ratio()).isEqualTo(0.9);
  }

  @Test
  void aRestartAfterDowntimeOpensANotRunningHoleFromWhenANodeWasLastAlive() {
    ledger.restoreAfterDowntime(Segment.covered(TRADES, T0, T0 + 10 * S), T0 + 20 * S, T0 + 320 * S);
    List<Segment> written = ledger.drainChanges();
    assertThat(written).contains(Segment.covered(TRADES, T0, T0 + 20 * S),
        Segment.hole(TRADES, T0 + 20 * S, T0 + 320 * S, HoleCause.NOT_RUNNING, "no node was running", true));
    ledger.observe(trade("BTC-USD", 7, T0 + 15 * S));
    assertThat(ledger.drainChanges()).as("an event from before the downtime is history").isEmpty();
    ledger.observe(trade("BTC-USD", 8, T0 + 330 * S));
    assertThat(ledger.drainChanges()).contains(Segment.hole(TRADES, T0 + 20 * S, T0 + 330 * S,
        HoleCause.NOT_RUNNING, "no node was running", false));
  }

  private static Trade trade(String symbol, long id, long t) {
    return new Trade("coinbase", symbol, Long.toString(id), Decimals.parse("100"), Decimals.parse("1"), Side.BUY, t,
        t, 0);
  }

  private static BookUpdate book(long t) {
    return new BookUpdate("coinbase", "BTC-USD", true, new ArrayList<>(), t, t, 0);
  }

  private static FeedGap gap(String reason, long t) {
    return new FeedGap("coinbase", "BTC-USD", reason, t, t, 0);
  }

}
