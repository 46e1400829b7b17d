package io.tickwire.router.detect;

import static io.tickwire.router.detect.Events.T0;
import static io.tickwire.router.detect.Events.trade;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.Anomaly;
import io.tickwire.codecs.Trade;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SequenceGapDetectorTest {
  private final SymbolStates states = new SymbolStates(100_000);

  private long check(SequenceGapDetector detector, Trade trade, List<Anomaly> out) {
    return detector.check(trade, states.of(trade.venue(), trade.symbol()), out);
  }

  @Test
  void reportsEachRunOfMissingIdsOnceTheReorderWindowHasPassed() {
    SequenceGapDetector detector = new SequenceGapDetector(2);
    List<Anomaly> out = new ArrayList<>();
    List<Long> reported = new ArrayList<>();
    for (String id : new String[] {"1", "2", "5", "6", "10", "11", "12", "13"}) {
      reported.add(check(detector, trade("v", "X", id, T0 + Long.parseLong(id)), out));
    }
    // A run is confirmed once the highest id is more than 2 past its last: 3..4 at 10, 7..9 at 12.
    assertThat(reported).containsExactly(0L, 0L, 0L, 0L, 2L, 0L, 3L, 0L);
    assertThat(out).extracting(Anomaly::measure).containsExactly(2.0, 3.0);
    assertThat(out).allSatisfy(a -> assertThat(a.type()).isEqualTo("sequence_gap"));
    assertThat(out.get(0).ts()).as("the trade that confirmed it").isEqualTo(T0 + 10);
    assertThat(out.get(1).detail()).contains("7..9").contains("3 missing");
  }

  @Test
  void anIdArrivingWithinTheWindowWasReorderedNotLost() {
    SequenceGapDetector detector = new SequenceGapDetector(4);
    List<Anomaly> out = new ArrayList<>();
    for (String id : new String[] {"1", "3", "4", "2", "7", "5", "8", "9", "10", "11", "12", "13"}) {
      check(detector, trade("v", "X", id, T0), out);
    }
    assertThat(out).as("only 6 never came").singleElement()
        .satisfies(a -> assertThat(a.detail()).contains("trade id 6 never arrived"));
  }

  @Test
  void flushReportsWhatIsStillPendingAndAHugeJumpIsReportedAtOnce() {
    SequenceGapDetector detector = new SequenceGapDetector(128);
    List<Anomaly> out = new ArrayList<>();
    check(detector, trade("v", "X", "1", T0), out);
    check(detector, trade("v", "X", "3", T0), out);
    assertThat(out).isEmpty();
    assertThat(detector.flush(states.all(), T0 + 9, out)).isEqualTo(1);
    assertThat(out).singleElement().satisfies(a -> assertThat(a.ts()).isEqualTo(T0 + 9));
    long jump = 3 + SequenceGapDetector.MAX_PENDING + 2;
    assertThat(check(detector, trade("v", "X", Long.toString(jump), T0), out))
        .isEqualTo(SequenceGapDetector.MAX_PENDING + 1);
    assertThat(out).hasSize(2);
  }

  @Test
  void backwardsIdsAreNotGapsAndDoNotMoveTheLastId() {
    SequenceGapDetector detector = new SequenceGapDetector();
    List<Anomaly> out = new ArrayList<>();
    for (String id : new String[] {"10", "8", "10", "11", "3", "12"}) {
      assertThat(check(detector, trade("v", "X", id, T0), out)).isZero();
    }
    detector.flush(states.all(), T0, out);
    assertThat(out).isEmpty();
  }

  @Test
  void nonNumericIdsAreIgnored() {
    SequenceGapDetector detector = new SequenceGapDetector();
    List<Anomaly> out = new ArrayList<>();
    for (String id : new String[] {"1", "abc", "12a", "", "-5", "99999999999999999999", "2", "x-100"}) {
      assertThat(check(detector, trade("v", "X", id, T0), out)).isZero();
    }
    assertThat(out).isEmpty();
  }

  @Test
  void symbolsAndVenuesAreIndependent() {
    SequenceGapDetector detector = new SequenceGapDetector(0);
    List<Anomaly> out = new ArrayList<>();
    check(detector, trade("v", "X", "100", T0), out);
    check(detector, trade("v", "Y", "1", T0), out);
    check(detector, trade("w", "X", "1", T0), out);
    assertThat(check(detector, trade("v", "X", "101", T0), out)).isZero();
    assertThat(check(detector, trade("v", "Y", "2", T0), out)).isZero();
    assertThat(check(detector, trade("w", "X", "4", T0), out)).isEqualTo(2);
    assertThat(out).singleElement().satisfies(a -> assertThat(a.venue()).isEqualTo("w"));
  }

  @Test
  void totalMissingEqualsTheIdsDroppedFromASeededShuffledStream() {
    Random random = new Random(3);
    SequenceGapDetector detector = new SequenceGapDetector();
    List<Anomaly> out = new ArrayList<>();
    int dropped = 0;
    int runs = 0;
    boolean previousDropped = false;
    List<Integer> kept = new ArrayList<>();
    for (int id = 1; id <= 5_000; id++) {
      boolean drop = id > 1 && id < 5_000 && random.nextDouble() < 0.03;
      if (drop) {
        dropped++;
        runs += previousDropped ? 0 : 1;
      } else {
        kept.add(id);
      }
      previousDropped = drop;
    }
    for (int from = 1; from < kept.size(); from += 20) { // reorder within blocks of 20, as a jittery feed does
      java.util.Collections.shuffle(kept.subList(from, Math.min(kept.size(), from + 20)), random);
    }
    for (int id : kept) {
      check(detector, trade("v", "X", Integer.toString(id), T0 + id), out);
    }
    detector.flush(states.all(), T0, out);
    assertThat(dropped).isGreaterThan(50);
    assertThat(out).hasSize(runs);
    assertThat(out.stream().mapToDouble(Anomaly::measure).sum()).isEqualTo(dropped);
  }
}
