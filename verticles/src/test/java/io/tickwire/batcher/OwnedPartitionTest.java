package io.tickwire.batcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.Bar;
import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.MarketEvent;
import io.tickwire.codecs.Side;
import io.tickwire.codecs.Trade;
import io.tickwire.config.Settings;
import io.tickwire.testing.Pipelines;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A partition's sequence bookkeeping: overlap skipped, holes recognised, nothing emitted before the cutoff. */
@ExtendWith(VertxExtension.class)
class OwnedPartitionTest {
  private static final long SECOND = 1_000_000;

  private static List<MarketEvent> trades(long fromSeq, long toSeq) {
    List<MarketEvent> out = new ArrayList<>();
    for (long seq = fromSeq; seq <= toSeq; seq++) {
      out.add(new Trade("test", "BTC-USD", Long.toString(seq), Decimals.parse("100"), Decimals.parse("1"), Side.BUY,
          seq * SECOND / 10, 0, 0).withSeq(seq));
    }
    return out;
  }

  private static OwnedPartition partition(Vertx vertx) {
    Settings settings = Pipelines.settings(vertx, List.of("batcher.intervals=[1s]", "batcher.allowed_lateness_ms=0"));
    return new OwnedPartition(0, settings);
  }

  @Test
  void eventsAtOrBelowTheLastAppliedSequenceAreSkipped(Vertx vertx) {
    OwnedPartition p = partition(vertx);
    PartitionOutput out = new PartitionOutput();
    p.apply(trades(1, 20), 0, out);
    p.apply(trades(11, 30), 0, out); // a redelivery overlapping what was applied
    assertThat(p.skipped()).isEqualTo(10);
    assertThat(p.lastSeq()).isEqualTo(30);
    assertThat(p.windows.counters().trades()).isEqualTo(30);
  }

  @Test
  void aBatchStartingPastTheNextSequenceNumberMissesEvents(Vertx vertx) {
    OwnedPartition p = partition(vertx);
    assertThat(p.missesEventsBefore(trades(1, 5))).isFalse();
    p.apply(trades(1, 5), 0, new PartitionOutput());
    assertThat(p.missesEventsBefore(trades(6, 9))).isFalse();
    assertThat(p.missesEventsBefore(trades(3, 9))).as("overlap is no hole").isFalse();
    assertThat(p.missesEventsBefore(trades(8, 9))).isTrue();
    assertThat(p.missesEventsBefore(List.of())).as("a heartbeat").isFalse();
  }

  @Test
  void nothingIsEmittedForWindowsBeforeTheJournalsCutoff(Vertx vertx) {
    OwnedPartition p = partition(vertx);
    p.restrictTo(2 * SECOND);
    PartitionOutput out = new PartitionOutput();
    p.apply(trades(1, 45), 0, out); // 0.1 s to 4.5 s: windows 0s to 3s close
    assertThat(out.bars).extracting(Bar::start).containsExactly(2 * SECOND, 3 * SECOND);
  }
}
