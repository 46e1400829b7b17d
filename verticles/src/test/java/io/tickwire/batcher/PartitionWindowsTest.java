package io.tickwire.batcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.Bar;
import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.Side;
import io.tickwire.codecs.Trade;
import io.tickwire.config.BatcherSettings;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartitionWindowsTest {
  private static final long S = 1_000_000L;
  private static final long MS = 1_000L;
  private static final long ARRIVAL = 1_700_000_000L * S;

  private static BatcherSettings settings(BatcherSettings.LatePolicy policy, long... intervalsMillis) {
    return new BatcherSettings(intervalsMillis, 500, 2_000, policy, 60_000, 1);
  }

  private static Trade trade(long eventTime, String price) {
    return tradeWithId(Long.toString(eventTime), eventTime, price);
  }

  private final List<Bar> out = new ArrayList<>();

  private PartitionWindows windows(BatcherSettings.LatePolicy policy) {
    return new PartitionWindows(settings(policy, 1_000));
  }

  @Test
  void eventExactlyOnABoundaryOpensTheNextWindow() {
    PartitionWindows w = windows(BatcherSettings.LatePolicy.REVISE);
    w.onEvent(trade(1 * S, "10"), ARRIVAL, out);
    w.flush(out);
    assertThat(out).singleElement().satisfies(bar -> {
      assertThat(bar.start()).isEqualTo(1 * S);
      assertThat(bar.end()).isEqualTo(2 * S);
    });
  }

  @Test
  void eventJustBeforeABoundaryBelongsToTheWindowThatEndsThere() {
    PartitionWindows w = windows(BatcherSettings.LatePolicy.REVISE);
    w.onEvent(trade(1 * S - 1, "10"), ARRIVAL, out);
    w.flush(out);
    assertThat(out).singleElement().satisfies(bar -> assertThat(bar.start()).isZero());
  }

  @Test
  void windowClosesExactlyWhenTheWatermarkReachesItsEnd() {
    PartitionWindows w = windows(BatcherSettings.LatePolicy.REVISE);
    w.onEvent(trade(200 * MS, "10"), ARRIVAL, out);
    w.onEvent(trade(1_499 * MS, "11"), ARRIVAL, out);
    assertThat(out).as("watermark 0.999s has not reached the end of [0s, 1s)").isEmpty();
    w.onEvent(trade(1_500 * MS, "12"), ARRIVAL, out);
    assertThat(w.watermark()).isEqualTo(1 * S);
    assertThat(out).singleElement().satisfies(bar -> {
      assertThat(bar.start()).isZero();
      assertThat(bar.open()).isEqualTo(10.0);
      assertThat(bar.close()).isEqualTo(10.0);
      assertThat(bar.trades()).isEqualTo(1);
      assertThat(bar.revision()).isZero();
    });
  }

  @Test
  void eventFarInThePastIsDroppedAsTooLateEvenUnderRevise() {
    PartitionWindows w = windows(BatcherSettings.LatePolicy.REVISE);
    w.onEvent(trade(1 * S, "10"), ARRIVAL, out);
    w.onEvent(trade(100 * S, "11"), ARRIVAL, out);
    out.clear();
    w.onEvent(trade(1 * S + 1, "9"), ARRIVAL, out);
    assertThat(out).as("past the 60 s revision horizon").isEmpty();
    assertThat(w.counters().lateDropped()).isEqualTo(1);
    assertThat(w.counters().lateRevised()).isZero();
  }

  @Test
  void outOfOrderEventWithinTheAllowanceJoinsTheOpenWindow() {
    PartitionWindows w = windows(BatcherSettings.LatePolicy.REVISE);
    w.onEvent(trade(900 * MS, "10"), ARRIVAL, out);
    w.onEvent(trade(1_400 * MS, "11"), ARRIVAL, out);
    w.onEvent(trade(100 * MS, "7"), ARRIVAL, out);
    w.onEvent(trade(1_600 * MS, "12"), ARRIVAL, out);
    assertThat(out).singleElement().satisfies(bar -> {
      assertThat(bar.open()).as("earliest event time opens, whatever the arrival order").isEqualTo(7.0);
      assertThat(bar.close()).isEqualTo(10.0);
      assertThat(bar.low()).isEqualTo(7.0);
      assertThat(bar.trades()).isEqualTo(2);
      assertThat(bar.revision()).isZero();
    });
    assertThat(w.counters().lateRevised() + w.counters().lateDropped()).isZero();
  }

  @Test
  void eventBeyondTheAllowanceRevisesTheEmittedBar() {
    PartitionWindows w = windows(BatcherSettings.LatePolicy.REVISE);
    w.onEvent(trade(900 * MS, "10"), ARRIVAL, out);
    w.onEvent(trade(1_600 * MS, "12"), ARRIVAL, out);
    w.onEvent(trade(950 * MS, "15"), ARRIVAL, out);
    assertThat(out).hasSize(2);
    Bar revised = out.get(1);
    assertThat(revised.start()).isZero();
    assertThat(revised.revision()).isEqualTo(1);
    assertThat(revised.trades()).isEqualTo(2);
    assertThat(revised.high()).isEqualTo(15.0);
    assertThat(revised.close()).isEqualTo(15.0);
    assertThat(revised.volume()).isEqualTo(2.0);
    assertThat(w.counters().lateRevised()).isEqualTo(1);
  }

  @Test
  void lateTradesInOneBatchReviseEachBarOnce() {
    PartitionWindows w = windows(BatcherSettings.LatePolicy.REVISE);
    w.onEvent(trade(900 * MS, "10"), ARRIVAL, out);
    w.onEvent(trade(1_600 * MS, "12"), ARRIVAL, out);
    out.clear();
    w.onEvents(List.of(trade(950 * MS, "15"), trade(960 * MS, "16"), trade(970 * MS, "5")), ARRIVAL, out);
    assertThat(out).as("one emission for the batch").singleElement().satisfies(bar -> {
      assertThat(bar.revision()).as("numbered by the late trades folded in").isEqualTo(3);
      assertThat(bar.trades()).isEqualTo(4);
      assertThat(bar.high()).isEqualTo(16.0);
      assertThat(bar.low()).isEqualTo(5.0);
    });
    assertThat(w.counters().lateRevised()).isEqualTo(3);
  }

  @Test
  void sameTimestampTradesAreOrderedByTradeIdNotArrival() {
    PartitionWindows w = windows(BatcherSettings.LatePolicy.REVISE);
    w.onEvents(List.of(tradeWithId("10", 100 * MS, "3"), tradeWithId("9", 100 * MS, "1"),
        tradeWithId("11", 100 * MS, "2")), ARRIVAL, out);
    w.flush(out);
    assertThat(out).singleElement().satisfies(bar -> {
      assertThat(bar.open()).as("trade 9 is first: numeric, not text, order").isEqualTo(1.0);
      assertThat(bar.close()).as("trade 11 is last").isEqualTo(2.0);
    });
  }

  private static Trade tradeWithId(String id, long eventTime, String price) {
    return new Trade("test", "BTC-USD", id, Decimals.parse(price), Decimals.parse("1"), Side.BUY, eventTime,
        ARRIVAL, 0);
  }

  @Test
  void eventBeyondTheAllowanceIsDroppedAndCountedUnderDrop() {
    PartitionWindows w = windows(BatcherSettings.LatePolicy.DROP);
    w.onEvent(trade(900 * MS, "10"), ARRIVAL, out);
    w.onEvent(trade(1_600 * MS, "12"), ARRIVAL, out);
    w.onEvent(trade(950 * MS, "15"), ARRIVAL, out);
    assertThat(out).singleElement().satisfies(bar -> assertThat(bar.trades()).isEqualTo(1));
    assertThat(w.counters().lateDropped()).isEqualTo(1);
  }

  @Test
  void idlePartitionAdvancesItsWatermarkByTheWallClockAfterTheTimeout() {
    PartitionWindows w = windows(BatcherSettings.LatePolicy.REVISE);
    w.onEvent(trade(900 * MS, "10"), ARRIVAL, out);
    w.onIdleCheck(ARRIVAL + 1_999 * MS, out);
    assertThat(out).as("not idle for the 2 s timeout yet").isEmpty();
    w.onIdleCheck(ARRIVAL + 2_000 * MS, out);
    assertThat(w.watermark()).isEqualTo(900 * MS + 2 * S - 500 * MS);
    assertThat(out).singleElement().satisfies(bar -> assertThat(bar.start()).isZero());
    assertThat(w.counters().idleAdvances()).isEqualTo(1);
  }

  @Test
  void everyIntervalGetsItsOwnAlignedWindow() {
    PartitionWindows w = new PartitionWindows(settings(BatcherSettings.LatePolicy.REVISE, 1_000, 10_000, 60_000));
    w.onEvent(trade(61 * S + 5, "10"), ARRIVAL, out);
    w.flush(out);
    assertThat(out).extracting(Bar::interval, Bar::start)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("1s", 61 * S),
            org.assertj.core.groups.Tuple.tuple("10s", 60 * S),
            org.assertj.core.groups.Tuple.tuple("1m", 60 * S));
  }

  @Test
  void flushEmitsEveryOpenWindowOnce() {
    PartitionWindows w = windows(BatcherSettings.LatePolicy.REVISE);
    w.onEvent(trade(100 * MS, "10"), ARRIVAL, out);
    w.onEvent(trade(1_100 * MS, "11"), ARRIVAL, out);
    w.flush(out);
    w.flush(out);
    assertThat(out).extracting(Bar::start).containsExactly(0L, 1 * S);
  }
}
