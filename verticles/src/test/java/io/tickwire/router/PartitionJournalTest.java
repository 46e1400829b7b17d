package io.tickwire.router;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.MarketEvent;
import io.tickwire.codecs.Side;
import io.tickwire.codecs.Trade;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The router's per-partition journal: what it keeps, where it trims, the cap, and replay in chunks. */
class PartitionJournalTest {
  private static final long BOUNDARY = 10;

  private long nextSeq;

  private MarketEvent event(long eventTime) {
    return new Trade("test", "BTC-USD", Long.toString(nextSeq + 1), Decimals.parse("100"), Decimals.parse("1"),
        Side.BUY, eventTime, eventTime, 0).withSeq(++nextSeq);
  }

  private static List<Long> times(List<MarketEvent> events) {
    return events.stream().map(MarketEvent::eventTime).toList();
  }

  @Test
  void keepsEverythingWhileTheRetentionIsNotExceeded() {
    PartitionJournal journal = new PartitionJournal(BOUNDARY, 25, 1_000);
    for (long t = 100; t <= 125; t++) {
      journal.append(event(t));
    }
    assertThat(journal.size()).isEqualTo(26);
    assertThat(journal.cutoff()).isEqualTo(100);
  }

  @Test
  void trimsOnlyAtBoundariesOfTheLargestInterval() {
    PartitionJournal journal = new PartitionJournal(BOUNDARY, 25, 1_000);
    for (long t = 0; t <= 100; t++) {
      journal.append(event(t));
      assertThat(journal.cutoff() % BOUNDARY).isZero();
      assertThat(t - journal.cutoff()).isGreaterThanOrEqualTo(25);
    }
    // newest 100, retention 25: C = floor(75 / 10) * 10 = 70, and everything from 70 on is kept
    assertThat(journal.cutoff()).isEqualTo(70);
    assertThat(times(journal.from(0, 1_000))).first().isEqualTo(70L);
    assertThat(journal.size()).isEqualTo(31);
  }

  @Test
  void anEventOlderThanTheCutoffIsNotJournaledButAnOlderOneBehindANewerOneStays() {
    PartitionJournal journal = new PartitionJournal(BOUNDARY, 25, 1_000);
    journal.append(event(100)); // C = 70
    journal.append(event(75));
    journal.append(event(69)); // before C: the batcher drops it as too late
    journal.append(event(111)); // C = 80: 100 at the head stays, and so does 75 behind it
    assertThat(journal.cutoff()).isEqualTo(80);
    assertThat(times(journal.from(0, 10))).containsExactly(100L, 75L, 111L);
    assertThat(journal.notJournaled()).isEqualTo(1);
  }

  @Test
  void overTheCapTheCutoffMovesToTheNextBoundaryAndKeepsEverythingAfterIt() {
    PartitionJournal journal = new PartitionJournal(BOUNDARY, 1_000_000, 20);
    for (long t = 0; t < 35; t++) {
      journal.append(event(t));
      assertThat(journal.size()).isLessThanOrEqualTo(20);
    }
    // the cap moved C from 0 to 10 (at the 21st event), then to 20 (at the 31st)
    assertThat(journal.cutoff()).isEqualTo(20);
    assertThat(times(journal.from(0, 100))).first().isEqualTo(20L);
    assertThat(journal.size()).isEqualTo(15);
    assertThat(journal.capAdvances()).isEqualTo(2);
  }

  @Test
  void replaysInChunksFromASequenceNumberAcrossGapsAndTheRingsWrap() {
    PartitionJournal journal = new PartitionJournal(BOUNDARY, 25, 1_000);
    for (long t = 0; t < 2_000; t++) { // more than the ring's first capacity, trimmed all along: the ring wraps
      journal.append(event(t));
    }
    journal.append(event(1_000)); // not journaled: a gap in the sequence numbers
    journal.append(event(2_000));
    List<MarketEvent> replayed = new ArrayList<>();
    long from = 0;
    while (true) {
      List<MarketEvent> chunk = journal.from(from, 7);
      replayed.addAll(chunk);
      if (chunk.size() < 7) {
        break;
      }
      from = chunk.get(chunk.size() - 1).seq() + 1;
    }
    assertThat(replayed).hasSize(journal.size());
    assertThat(replayed.get(0).eventTime()).isEqualTo(journal.cutoff());
    assertThat(replayed.get(replayed.size() - 1).seq()).isEqualTo(nextSeq);
    for (int i = 1; i < replayed.size(); i++) {
      assertThat(replayed.get(i).seq()).isGreaterThan(replayed.get(i - 1).seq());
    }
    assertThat(journal.from(nextSeq - 1, 10)).hasSize(1); // seq nextSeq - 1 was the gap
    assertThat(journal.from(nextSeq + 1, 10)).isEmpty();
  }
}
