package io.tickwire.feature;

import static io.tickwire.feature.FeatureBars.bar;
import static io.tickwire.feature.FeatureBars.closes;
import static io.tickwire.feature.FeatureBars.feature;
import static io.tickwire.feature.FeatureBars.feed;
import static io.tickwire.feature.Near.assertNear;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickwire.codecs.Bar;
import io.tickwire.config.FeatureWindow;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * Every kind on a small series, against values worked out by hand (the arithmetic is written out) or by the
 * independent two-pass formulas of {@link TwoPass}. Tolerance: 1e-12 relative ({@link Near#HAND}) unless said.
 */
class RollingFeaturesTest {
  /** (vwap, volume, trades) per bar; closes 100, 102, 101, 105, 104. */
  private static final List<Bar> TRADED = List.of(
      bar(0, 100, 2, 100, 5),
      bar(1, 102, 1, 101, 7),
      bar(2, 101, 3, 99, 1),
      bar(3, 105, 4, 102, 3),
      bar(4, 104, 2, 104.5, 2));

  /** Six one-bar log returns. */
  private static final double[] MOMENT_CLOSES = {100, 101, 99.5, 102, 101, 103.5, 103};

  @Test
  void vwapWeighsEachBarVwapByItsVolumeOverTheLastHorizonBars() {
    List<OptionalDouble> v = feed(feature("vwap", 3), TRADED);

    assertThat(v.subList(0, 2)).allMatch(OptionalDouble::isEmpty);
    assertNear(v.get(2), (100.0 * 2 + 101 * 1 + 99 * 3) / (2 + 1 + 3), "bars 0..2");
    assertNear(v.get(3), (101.0 * 1 + 99 * 3 + 102 * 4) / (1 + 3 + 4), "bars 1..3");
    assertNear(v.get(4), (99.0 * 3 + 102 * 4 + 104.5 * 2) / (3 + 4 + 2), "bars 2..4");
  }

  @Test
  void simpleAndLogReturnsCompareTheCloseWithTheCloseHorizonBarsBack() {
    List<OptionalDouble> simple = feed(feature("return", 3), TRADED);
    List<OptionalDouble> log = feed(feature("log_return", 3), TRADED);

    assertThat(simple.subList(0, 3)).as("needs 4 closes").allMatch(OptionalDouble::isEmpty);
    assertThat(log.subList(0, 3)).as("needs 4 closes").allMatch(OptionalDouble::isEmpty);
    assertNear(simple.get(3), 0.05, "105 / 100 - 1");
    assertNear(simple.get(4), 104.0 / 102 - 1, "104 / 102 - 1");
    assertNear(log.get(3), Math.log(1.05), "ln(105 / 100)");
    assertNear(log.get(4), Math.log(104.0 / 102), "ln(104 / 102)");
  }

  @Test
  void momentumIsTheCloseOverTheMeanCloseOfTheHorizon() {
    List<OptionalDouble> m = feed(feature("momentum", 3), TRADED);

    assertThat(m.subList(0, 2)).allMatch(OptionalDouble::isEmpty);
    assertNear(m.get(2), 101 / ((100 + 102 + 101) / 3.0) - 1, "bars 0..2");
    assertNear(m.get(3), 105 / ((102 + 101 + 105) / 3.0) - 1, "bars 1..3");
    assertNear(m.get(4), 104 / ((101 + 105 + 104) / 3.0) - 1, "bars 2..4");
  }

  @Test
  void volumeAndTradesSumTheHorizon() {
    List<OptionalDouble> volume = feed(feature("volume", 3), TRADED);
    List<OptionalDouble> trades = feed(feature("trades", 2), TRADED);

    assertThat(volume.subList(0, 2)).allMatch(OptionalDouble::isEmpty);
    assertThat(volume.subList(2, 5)).containsExactly(OptionalDouble.of(6), OptionalDouble.of(8),
        OptionalDouble.of(9));
    assertThat(trades.get(0)).isEmpty();
    assertThat(trades.subList(1, 5)).containsExactly(OptionalDouble.of(12), OptionalDouble.of(8),
        OptionalDouble.of(4), OptionalDouble.of(5));
  }

  @Test
  void volatilityIsTheAnnualisedSampleStandardDeviationOfOneBarLogReturns() {
    List<OptionalDouble> vol = feed(feature("volatility", 6), closes(MOMENT_CLOSES));

    assertThat(vol.subList(0, 6)).as("needs 7 closes").allMatch(OptionalDouble::isEmpty);
    double[] r = TwoPass.logReturns(boxed(MOMENT_CLOSES));
    double annualisation = Math.sqrt(365 * 24 * 3600.0 / 1);
    assertNear(vol.get(6), TwoPass.sampleStandardDeviation(r) * annualisation, "two-pass");
    assertNear(vol.get(6), 97.63696707900613, 1e-12, "numpy std(ddof=1) * sqrt(31536000)");
  }

  @Test
  void annualisationScalesWithTheBaseInterval() {
    assertThat(Volatility.annualisation(1000)).isCloseTo(Math.sqrt(31_536_000.0),
        org.assertj.core.api.Assertions.within(1e-9));
    assertThat(Volatility.annualisation(10_000)).isCloseTo(Math.sqrt(3_153_600.0),
        org.assertj.core.api.Assertions.within(1e-9));
  }

  @Test
  void skewAndExcessKurtosisOfOneBarLogReturns() {
    List<OptionalDouble> skew = feed(feature("skew", 6), closes(MOMENT_CLOSES));
    List<OptionalDouble> kurt = feed(feature("kurtosis", 6), closes(MOMENT_CLOSES));

    assertThat(skew.subList(0, 6)).allMatch(OptionalDouble::isEmpty);
    assertThat(kurt.subList(0, 6)).allMatch(OptionalDouble::isEmpty);
    double[] r = TwoPass.logReturns(boxed(MOMENT_CLOSES));
    assertNear(skew.get(6), TwoPass.sampleSkewness(r), 1e-10, "two-pass G1");
    assertNear(kurt.get(6), TwoPass.sampleExcessKurtosis(r), 1e-10, "two-pass G2");
    assertNear(skew.get(6), 0.1945805780007603, 1e-10, "scipy.stats.skew(r, bias=False)");
    assertNear(kurt.get(6), -2.299302106411191, 1e-10, "scipy.stats.kurtosis(r, bias=False)");
  }

  @Test
  void aConstantPriceHasZeroVolatilityAndNoSkewOrKurtosis() {
    List<Bar> flat = closes(50, 50, 50, 50, 50, 50);

    assertThat(last(feed(feature("volatility", 5), flat))).isEqualTo(OptionalDouble.of(0));
    assertThat(last(feed(feature("skew", 5), flat))).isEmpty();
    assertThat(last(feed(feature("kurtosis", 5), flat))).isEmpty();
  }

  @Test
  void steadyGrowthHasZeroVarianceDespiteRounding() {
    double[] growth = new double[12];
    growth[0] = 100;
    for (int i = 1; i < growth.length; i++) {
      growth[i] = growth[i - 1] * 1.01;
    }

    assertThat(last(feed(feature("skew", 10), closes(growth)))).isEmpty();
    assertThat(last(feed(feature("kurtosis", 10), closes(growth)))).isEmpty();
    assertThat(last(feed(feature("volatility", 10), closes(growth)))).isEqualTo(OptionalDouble.of(0));
  }

  @Test
  void rsiSeedsWithTheSimpleAverageThenSmoothsWilderStyle() {
    List<OptionalDouble> rsi = feed(rsi(2), closes(10, 11, 10.5, 11.5));

    assertThat(rsi.subList(0, 2)).as("needs period + 1 closes").allMatch(OptionalDouble::isEmpty);
    // changes +1, -0.5: avgGain 0.5, avgLoss 0.25, RS 2
    assertNear(rsi.get(2), 100 - 100 / (1 + 2.0), "seeded");
    // +1: avgGain (0.5 + 1) / 2 = 0.75, avgLoss 0.25 / 2 = 0.125, RS 6
    assertNear(rsi.get(3), 100 - 100 / (1 + 6.0), "smoothed");
  }

  @Test
  void rsiIsHundredWithoutLossesAndFiftyWhenNothingMoves() {
    assertThat(last(feed(rsi(3), closes(1, 2, 3, 4)))).isEqualTo(OptionalDouble.of(100));
    assertThat(last(feed(rsi(3), closes(7, 7, 7, 7)))).isEqualTo(OptionalDouble.of(50));
  }

  @Test
  void theHorizonCountsBarsThatExistNotElapsedTime() {
    List<Bar> gapped = List.of(FeatureBars.close(0, 100), FeatureBars.close(5, 110), FeatureBars.close(6, 121));

    assertNear(last(feed(feature("return", 2), gapped)), 121.0 / 100 - 1, "two bars back, across the gap");
  }

  @Test
  void aHorizonThatIsNotAWholeNumberOfBaseBarsIsRejected() {
    assertThatThrownBy(() -> RollingFeatures.create(new FeatureWindow("ret_1500ms", "return", 1500, 0), 1000))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ret_1500ms");
    assertThatThrownBy(() -> RollingFeatures.create(new FeatureWindow("ret_0", "return", 0, 0), 1000))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static RollingFeature rsi(int period) {
    return RollingFeatures.create(new FeatureWindow("rsi_" + period, "rsi", 0, period), FeatureBars.BASE_MILLIS);
  }

  private static OptionalDouble last(List<OptionalDouble> values) {
    return values.get(values.size() - 1);
  }

  private static List<Double> boxed(double[] values) {
    return Arrays.stream(values).boxed().toList();
  }
}
