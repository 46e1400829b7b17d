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

class OutlierDetectorTest {
  private final SymbolStates states = new SymbolStates(100_000);

  private boolean outlier(OutlierDetector detector, Trade trade, List<Anomaly> out) {
    return detector.isOutlier(trade, states.of(trade.venue(), trade.symbol()), out);
  }

  private static Trade at(String symbol, int i, double price) {
    return trade("v", symbol, Integer.toString(i), price, T0 + i, T0 + i + 1_000);
  }

  @Test
  void flagsTheInjectedFatFingerAndNotTheNoise() {
    Random random = new Random(11);
    OutlierDetector detector = new OutlierDetector(10, 50);
    List<Anomaly> out = new ArrayList<>();
    int fatFinger = 300;
    List<Integer> flagged = new ArrayList<>();
    double level = 100.0;
    for (int i = 0; i < 2_000; i++) {
      level += random.nextGaussian() * 0.005;
      double price = i == fatFinger ? level * 1.10 : level + random.nextGaussian() * 0.05;
      if (outlier(detector, at("BTC-USD", i, price), out)) {
        flagged.add(i);
      }
    }
    assertThat(flagged).containsExactly(fatFinger);
    assertThat(out).singleElement().satisfies(a -> {
      assertThat(a.type()).isEqualTo("outlier_price");
      assertThat(a.ts()).isEqualTo(T0 + fatFinger);
      assertThat(a.measure()).isGreaterThan(100.0);
      assertThat(a.detail()).contains("MAD");
    });
  }

  @Test
  void aFlatSeriesDoesNotFlagOneTickMoves() {
    OutlierDetector detector = new OutlierDetector(5, 20);
    List<Anomaly> out = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      outlier(detector, at("X", i, i % 17 == 0 ? 100.01 : 100.00), out);
    }
    assertThat(out).isEmpty();
    assertThat(outlier(detector, at("X", 200, 105.0), out)).isTrue();
  }

  @Test
  void needsAFullWindowBeforeJudging() {
    OutlierDetector detector = new OutlierDetector(5, 20);
    List<Anomaly> out = new ArrayList<>();
    for (int i = 0; i < 19; i++) {
      assertThat(outlier(detector, at("X", i, i == 10 ? 1_000.0 : 100.0), out)).isFalse();
    }
    assertThat(outlier(detector, at("X", 19, 1_000.0), out)).isFalse();
    assertThat(outlier(detector, at("X", 20, 1_000.0), out)).isTrue();
    // A fresh symbol has no window yet.
    assertThat(outlier(detector, at("Y", 0, 1.0), out)).isFalse();
    assertThat(out).hasSize(1);
  }
}
