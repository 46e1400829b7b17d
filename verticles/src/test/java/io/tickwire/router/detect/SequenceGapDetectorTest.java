package io.tickwire.router.detect;

import static io.tickwire.router.detect.Events.T0;
import static io.tickwire.router.detect.Events.trade;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.Anomaly;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SequenceGapDetectorTest {
  @Test
  void reportsGapSizes() {
    SequenceGapDetector detector = new SequenceGapDetector();
    List<Anomaly> out = new ArrayList<>();
    List<Long> missing = new ArrayList<>();
    for (String id : new String[] {"1", "2", "5", "6", "10", "11"}) {
      missing.add(detector.check(trade("v", "X", id, T0 + Long.parseLong(id)), out));
    }
    assertThat(missing).containsExactly(0L, 0L, 2L, 0L, 3L, 0L);
    assertThat(out).extracting(Anomaly::measure).containsExactly(2.0, 3.0);
    assertThat(out).allSatisfy(a -> assertThat(a.type()).isEqualTo("sequence_gap"));
    assertThat(out.get(0).ts()).isEqualTo(T0 + 5);
    assertThat(out.get(1).detail()).contains("6").contains("10");
  }

  @Test
  void backwardsIdsAreNotGapsAndDoNotMoveTheLastId() {
    SequenceGapDetector detector = new SequenceGapDetector();
    List<Anomaly> out = new ArrayList<>();
    for (String id : new String[] {"10", "8", "10", "11", "3", "12"}) {
      assertThat(detector.check(trade("v", "X", id, T0), out)).isZero();
    }
    assertThat(out).isEmpty();
  }

  @Test
  void nonNumericIdsAreIgnored() {
    SequenceGapDetector detector = new SequenceGapDetector();
    List<Anomaly> out = new ArrayList<>();
    for (String id : new String[] {"1", "abc", "12a", "", "-5", "99999999999999999999", "2", "x-100"}) {
      assertThat(detector.check(trade("v", "X", id, T0), out)).isZero();
    }
    assertThat(out).isEmpty();
  }

  @Test
  void symbolsAndVenuesAreIndependent() {
    SequenceGapDetector detector = new SequenceGapDetector();
    List<Anomaly> out = new ArrayList<>();
    detector.check(trade("v", "X", "100", T0), out);
    detector.check(trade("v", "Y", "1", T0), out);
    detector.check(trade("w", "X", "1", T0), out);
    assertThat(detector.check(trade("v", "X", "101", T0), out)).isZero();
    assertThat(detector.check(trade("v", "Y", "2", T0), out)).isZero();
    assertThat(detector.check(trade("w", "X", "4", T0), out)).isEqualTo(2);
    assertThat(out).singleElement().satisfies(a -> assertThat(a.venue()).isEqualTo("w"));
  }

  @Test
  void totalMissingEqualsTheIdsDroppedFromASeededStream() {
    Random random = new Random(3);
    SequenceGapDetector detector = new SequenceGapDetector();
    List<Anomaly> out = new ArrayList<>();
    int dropped = 0;
    int runs = 0;
    boolean previousDropped = false;
    for (int id = 1; id <= 5_000; id++) {
      boolean drop = id > 1 && id < 5_000 && random.nextDouble() < 0.03;
      if (drop) {
        dropped++;
        runs += previousDropped ? 0 : 1;
      } else {
        detector.check(trade("v", "X", Integer.toString(id), T0 + id), out);
      }
      previousDropped = drop;
    }
    assertThat(dropped).isGreaterThan(50);
    assertThat(out).hasSize(runs);
    assertThat(out.stream().mapToDouble(Anomaly::measure).sum()).isEqualTo(dropped);
  }
}
