package io.tickwire.router.detect;

import static io.tickwire.router.detect.Events.T0;
import static io.tickwire.router.detect.Events.trade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tickwire.codecs.Anomaly;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatencyDetectorTest {
  private static final long THRESHOLD_MICROS = 50_000;
  private static final int WINDOW = 100;

  private static boolean feed(LatencyDetector detector, String venue, long latencyMicros, int i, List<Anomaly> out) {
    long eventTime = T0 + i * 1_000L;
    return detector.record(trade(venue, "X", Integer.toString(i), 100.0, eventTime, eventTime + latencyMicros), out);
  }

  @Test
  void staysQuietBelowTheThreshold() {
    LatencyDetector detector = new LatencyDetector(THRESHOLD_MICROS, WINDOW);
    List<Anomaly> out = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      feed(detector, "v", i % 2 == 0 ? 40_000 : 5_000, i, out);
    }
    assertThat(out).isEmpty();
  }

  @Test
  void onePercentSlowIsNotAP99Spike() {
    LatencyDetector detector = new LatencyDetector(THRESHOLD_MICROS, WINDOW);
    List<Anomaly> out = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      feed(detector, "v", i % 100 == 0 ? 500_000 : 5_000, i, out);
    }
    assertThat(out).isEmpty();
  }

  @Test
  void firesOnceWhenP99ExceedsTheThreshold() {
    LatencyDetector detector = new LatencyDetector(THRESHOLD_MICROS, WINDOW);
    List<Anomaly> out = new ArrayList<>();
    int fired = 0;
    for (int i = 0; i < WINDOW; i++) {
      // 5 of 100 at 200 ms, so the p99 is 200 ms.
      fired += feed(detector, "v", i % 20 == 3 ? 200_000 : 5_000, i, out) ? 1 : 0;
    }
    assertThat(fired).isEqualTo(1);
    assertThat(out).singleElement().satisfies(a -> {
      assertThat(a.type()).isEqualTo("latency_spike");
      assertThat(a.venue()).isEqualTo("v");
      assertThat(a.ts()).isEqualTo(T0 + (WINDOW - 1) * 1_000L);
      assertThat(a.measure()).isCloseTo(200.0, within(2.0));
    });
  }

  @Test
  void firesAtMostOncePerWindowAndRecoversAfterwards() {
    LatencyDetector detector = new LatencyDetector(THRESHOLD_MICROS, WINDOW);
    List<Anomaly> out = new ArrayList<>();
    int i = 0;
    for (; i < 3 * WINDOW; i++) {
      feed(detector, "v", 300_000, i, out);
    }
    assertThat(out).hasSize(3);
    for (; i < 6 * WINDOW; i++) {
      feed(detector, "v", 1_000, i, out);
    }
    assertThat(out).hasSize(3);
  }

  @Test
  void venuesAreJudgedSeparately() {
    LatencyDetector detector = new LatencyDetector(THRESHOLD_MICROS, WINDOW);
    List<Anomaly> out = new ArrayList<>();
    for (int i = 0; i < WINDOW; i++) {
      feed(detector, "slow", 300_000, i, out);
      feed(detector, "fast", 1_000, i, out);
    }
    assertThat(out).singleElement().satisfies(a -> assertThat(a.venue()).isEqualTo("slow"));
  }

  @Test
  void ignoresEventsWithoutIngestTime() {
    LatencyDetector detector = new LatencyDetector(THRESHOLD_MICROS, WINDOW);
    List<Anomaly> out = new ArrayList<>();
    for (int i = 0; i < WINDOW - 1; i++) {
      feed(detector, "v", 300_000, i, out);
    }
    for (int i = 0; i < 5 * WINDOW; i++) {
      assertThat(detector.record(trade("v", "X", "n" + i, 100.0, T0, 0), out)).isFalse();
    }
    assertThat(out).isEmpty();
    assertThat(feed(detector, "v", 300_000, WINDOW, out)).isTrue();
    assertThat(out).hasSize(1);
  }
}
