package io.tickwire.feature;

import io.tickwire.codecs.Bar;
import java.util.OptionalDouble;

/** Log return over n bars: {@code ln(close_t / close_{t-n})}. */
final class LogReturn implements RollingFeature {
  private final LaggedClose lagged;

  LogReturn(int bars) {
    lagged = new LaggedClose(bars);
  }

  @Override
  public void add(Bar bar) {
    lagged.add(bar.close());
  }

  @Override
  public OptionalDouble value() {
    return lagged.known() ? OptionalDouble.of(Math.log(lagged.ratio())) : OptionalDouble.empty();
  }
}
