package io.tickwire.feature;

import io.tickwire.codecs.Bar;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * A statistic of the n one-bar log returns of the horizon (skewness, excess kurtosis): the moments are kept by
 * {@link ReturnMoments}, which also documents the estimators; this only picks which one to report.
 */
final class ReturnShape implements RollingFeature {
  private final ReturnMoments moments;
  private final Function<ReturnMoments, OptionalDouble> statistic;

  private ReturnShape(int bars, Function<ReturnMoments, OptionalDouble> statistic) {
    this.moments = new ReturnMoments(bars);
    this.statistic = statistic;
  }

  /** Sample skewness (adjusted Fisher-Pearson). */
  static ReturnShape skewness(int bars) {
    return new ReturnShape(bars, ReturnMoments::skewness);
  }

  /** Sample EXCESS kurtosis: 0 for a normal distribution. */
  static ReturnShape excessKurtosis(int bars) {
    return new ReturnShape(bars, ReturnMoments::excessKurtosis);
  }

  @Override
  public void add(Bar bar) {
    moments.addClose(bar.close());
  }

  @Override
  public OptionalDouble value() {
    return statistic.apply(moments);
  }
}
