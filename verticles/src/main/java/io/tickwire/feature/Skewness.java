package io.tickwire.feature;

import io.tickwire.codecs.Bar;
import java.util.OptionalDouble;

/** Sample skewness of the n one-bar log returns of the horizon; see {@link ReturnMoments} for the estimator. */
final class Skewness implements RollingFeature {
  private final ReturnMoments moments;

  Skewness(int bars) {
    moments = new ReturnMoments(bars);
  }

  @Override
  public void add(Bar bar) {
    moments.addClose(bar.close());
  }

  @Override
  public OptionalDouble value() {
    return moments.skewness();
  }
}
