package io.tickwire.feature;

import io.tickwire.codecs.Bar;
import java.util.OptionalDouble;

/**
 * Sample EXCESS kurtosis (0 for a normal distribution) of the n one-bar log returns of the horizon; see
 * {@link ReturnMoments} for the estimator.
 */
final class Kurtosis implements RollingFeature {
  private final ReturnMoments moments;

  Kurtosis(int bars) {
    moments = new ReturnMoments(bars);
  }

  @Override
  public void add(Bar bar) {
    moments.addClose(bar.close());
  }

  @Override
  public OptionalDouble value() {
    return moments.excessKurtosis();
  }
}
