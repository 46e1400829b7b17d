package io.tickwire.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.AnomalyTypes;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ground truth: a synthetic stream with known injected faults goes through {@code replay --local} (a real
 * in-process pipeline fed over TCP); the pipeline's counts per anomaly type equal what was injected, and the
 * same lines give the same summary twice.
 */
class ReplayEndToEndTest {
  @TempDir
  Path dataDir;

  @Test
  void duplicatesAndGapsAreDetectedExactlyAsInjected() throws Exception {
    ChaosResult chaos = new ChaosInjector(new ChaosSettings(0.04, 0, 0, 0.03, 17)).inject(StreamLines.trades(6_000, 5));
    ReplaySummary summary = replay(chaos);

    assertThat(count(summary, AnomalyTypes.DUPLICATE)).isEqualTo(chaos.injected().duplicates()).isPositive();
    assertThat(count(summary, AnomalyTypes.SEQUENCE_GAP)).isEqualTo(chaos.injected().gapEpisodes()).isPositive();
    assertThat(count(summary, AnomalyTypes.OUT_OF_ORDER)).isEqualTo(chaos.injected().outOfOrder()).isZero();
    assertThat(summary.dlq()).isZero();
    assertThat(summary.processed()).isEqualTo(chaos.lines().size());
  }

  @Test
  void everyFaultAtOnceIncludingShuffleIsDetectedExactlyAndTheSummaryIsReproducible() throws Exception {
    ChaosResult chaos = new ChaosInjector(new ChaosSettings(0.04, 10, 0.03, 0.02, 19))
        .inject(StreamLines.trades(6_000, 7));
    ReplaySummary summary = replay(chaos);

    assertThat(count(summary, AnomalyTypes.SCHEMA_DRIFT)).isEqualTo(chaos.injected().drift()).isPositive();
    assertThat(summary.dlq()).as("drifted frames are dead-lettered").isEqualTo(chaos.injected().drift());
    assertThat(count(summary, AnomalyTypes.DUPLICATE)).isEqualTo(chaos.injected().duplicates()).isPositive();
    assertThat(count(summary, AnomalyTypes.OUT_OF_ORDER)).isEqualTo(chaos.injected().outOfOrder())
        .isGreaterThan(500);
    assertThat(count(summary, AnomalyTypes.SEQUENCE_GAP)).as("reordered ids wait out the reorder window")
        .isEqualTo(chaos.injected().gapEpisodes()).isPositive();
    assertThat(summary.incidents()).isPositive();

    ReplaySummary again = replay(chaos);
    assertThat(again.toJson()).isEqualTo(summary.toJson());
  }

  private ReplaySummary replay(ChaosResult chaos) throws Exception {
    return LocalReplays.run(dataDir, chaos.lines());
  }

  private static long count(ReplaySummary summary, String type) {
    return summary.anomalies().get(type);
  }
}
