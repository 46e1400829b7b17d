package io.tickwire.feature;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.FeatureSnapshot;
import io.tickwire.codecs.InfoBar;
import io.tickwire.inference.CompiledRule;
import io.tickwire.inference.Rule;
import io.tickwire.inference.RuleCompiler;
import io.tickwire.inference.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Information bars as feature snapshots, and a rule on the close of each volume bar. */
class InfoBarFeaturesTest {
  private static final long T0 = 1_700_000_000_000_000L;

  private static InfoBar volumeBar(double open, double close, long start, String firstId) {
    return new InfoBar("v", "BTC-USD", InfoBar.Kind.VOLUME, 5, start, start + 2_500_000, open, Math.max(open, close),
        Math.min(open, close), close, 5.25, 5.25 * close, 12, firstId);
  }

  @Test
  void eachBarIsASnapshotAtItsCloseOnTheNewestTimeFeatures() {
    InfoBarFeatures features = new InfoBarFeatures(100);
    features.remember(List.of(new FeatureSnapshot("v", "BTC-USD", T0, 100, Map.of("rsi_14", 40.0))));
    FeatureSnapshot s = features.apply(List.of(volumeBar(100, 101, T0 + 1_000_000, "7"))).get(0);
    assertThat(s.ts()).as("the bar's last trade").isEqualTo(T0 + 3_500_000);
    assertThat(s.price()).isEqualTo(101);
    assertThat(s.features()).containsEntry("rsi_14", 40.0).containsEntry("volume_bar_open", 100.0)
        .containsEntry("volume_bar_close", 101.0).containsEntry("volume_bar_volume", 5.25)
        .containsEntry("volume_bar_notional", 5.25 * 101).containsEntry("volume_bar_trades", 12.0)
        .containsEntry("volume_bar_return", 101.0 / 100 - 1).containsEntry("volume_bar_seconds", 2.5);
    assertThat(InfoBar.FEATURE_NAMES).containsAll(s.features().keySet().stream()
        .filter(k -> k.startsWith("volume_bar_")).toList());
  }

  @Test
  void aRuleOnTheCloseOfEachVolumeBarSeesOnlyVolumeBars() {
    List<String> names = new ArrayList<>(List.of("rsi_14"));
    names.addAll(InfoBar.FEATURE_NAMES);
    CompiledRule rising = new RuleCompiler(names, 1000)
        .compile(new Rule("volume_bar_up", "volume_bar_close > volume_bar_open", 1, 0.5, 0, true, 1));
    InfoBarFeatures features = new InfoBarFeatures(100);
    FeatureSnapshot timeBar = new FeatureSnapshot("v", "BTC-USD", T0, 100, Map.of("rsi_14", 40.0));
    features.remember(List.of(timeBar));
    List<FeatureSnapshot> bars = features.apply(List.of(volumeBar(100, 101, T0, "1"),
        volumeBar(101, 99.5, T0 + 3_000_000, "9"), volumeBar(99.5, 99.5, T0 + 6_000_000, "20")));

    assertThat(bars).extracting(rising::evaluate).containsExactly(Verdict.TRUE, Verdict.FALSE, Verdict.FALSE);
    assertThat(rising.evaluate(timeBar)).as("a time-bar snapshot is no observation").isEqualTo(Verdict.MISSING_FEATURE);
  }

  @Test
  void theNewestTimeFeaturesAreKeptForBoundedlyManySymbols() {
    InfoBarFeatures features = new InfoBarFeatures(10);
    for (int i = 0; i < 1_000; i++) {
      features.remember(List.of(new FeatureSnapshot("v", "S" + i, T0, 1, Map.of("rsi_14", (double) i))));
    }
    assertThat(features.evictions()).isEqualTo(990);
    FeatureSnapshot forgotten = features.apply(List.of(new InfoBar("v", "S0", InfoBar.Kind.TICK, 3, T0, T0, 1, 1, 1,
        1, 3, 3, 3, "1"))).get(0);
    assertThat(forgotten.features()).doesNotContainKey("rsi_14").containsKey("tick_bar_close");
  }
}
