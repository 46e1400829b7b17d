package io.tickwire.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tickwire.config.FeatureWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.OptionalDouble;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DoubleNum;

/**
 * RSI against ta4j-core 0.17's {@code RSIIndicator} on the same closes. ta4j smooths with Wilder's moving
 * average too, but seeds it with the first bar's gain/loss (0) instead of the simple average of the first
 * {@code period} changes; the seeding's weight decays as {@code ((period - 1) / period)^k}, so after
 * {@link #WARM_UP_PERIODS} periods (for 14: (13/14)^560 ≈ 1e-18) the two must agree to {@link #TOLERANCE} RSI
 * points absolute.
 */
class RsiAgainstTa4jTest {
  private static final int WARM_UP_PERIODS = 40;
  private static final double TOLERANCE = 1e-9;

  @Test
  void matchesTa4jAfterWarmUp() {
    for (int period : new int[] {2, 14, 30}) {
      compare(period, randomWalk(3000, period));
    }
  }

  private static void compare(int period, double[] closes) {
    BarSeries series = series(closes);
    RSIIndicator reference = new RSIIndicator(new ClosePriceIndicator(series), period);
    RollingFeature rsi = RollingFeatures.create(new FeatureWindow("rsi", "rsi", 0, period), FeatureBars.BASE_MILLIS);
    for (int i = 0; i < closes.length; i++) {
      rsi.add(FeatureBars.close(i, closes[i]));
      OptionalDouble value = rsi.value();
      assertThat(value.isPresent()).as("period %d, bar %d", period, i).isEqualTo(i >= period);
      if (i >= WARM_UP_PERIODS * period) {
        assertThat(value.getAsDouble()).as("period %d, bar %d", period, i)
            .isCloseTo(reference.getValue(i).doubleValue(), within(TOLERANCE));
      }
    }
  }

  private static BarSeries series(double[] closes) {
    BarSeries series = new BaseBarSeriesBuilder().withName("rsi").withNumTypeOf(DoubleNum.class).build();
    ZonedDateTime t = ZonedDateTime.ofInstant(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);
    for (int i = 0; i < closes.length; i++) {
      double c = closes[i];
      series.addBar(Duration.ofSeconds(1), t.plusSeconds(i + 1), c, c, c, c, 1);
    }
    return series;
  }

  private static double[] randomWalk(int n, long seed) {
    Random random = new Random(seed);
    double[] closes = new double[n];
    closes[0] = 100;
    for (int i = 1; i < n; i++) {
      closes[i] = closes[i - 1] * Math.exp(0.002 * random.nextGaussian());
    }
    return closes;
  }
}
