package io.tickwire.feature;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.Bar;
import io.tickwire.codecs.FeatureSnapshot;
import io.tickwire.config.FeatureSettings;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureEngineBoundTest {
  private static final FeatureSettings CONFIG = new FeatureSettings(FeatureBars.BASE_MILLIS,
      List.of(FeatureBars.window("vwap", 5), FeatureBars.window("return", 3)));

  private static Bar bar(String symbol, int i, double close) {
    Bar b = FeatureBars.close(i, close);
    return new Bar(b.venue(), symbol, b.intervalMillis(), b.start(), b.open(), b.high(), b.low(), b.close(),
        b.volume(), b.vwap(), b.trades(), 0);
  }

  @Test
  void aLiveSymbolKeepsItsFeaturesWhileNewSymbolsChurnPastTheCap() {
    FeatureEngine bounded = new FeatureEngine(CONFIG, 10);
    FeatureEngine reference = new FeatureEngine(CONFIG, 10);
    List<FeatureSnapshot> live = new ArrayList<>();
    List<FeatureSnapshot> expected = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      List<Bar> batch = new ArrayList<>();
      batch.add(bar("LIVE", i, 100 + i % 9));
      for (int k = 0; k < 5; k++) {
        batch.add(bar("NEW" + (i * 5 + k), i, 1));
      }
      bounded.apply(batch).stream().filter(s -> s.symbol().equals("LIVE")).forEach(live::add);
      expected.addAll(reference.apply(List.of(batch.get(0))));
      assertThat(bounded.symbols()).isLessThanOrEqualTo(10);
    }

    assertThat(live).as("the live symbol's snapshots, as without the churn").isEqualTo(expected);
    assertThat(bounded.evictions()).isEqualTo(200 * 5 + 1 - 10);
  }
}
