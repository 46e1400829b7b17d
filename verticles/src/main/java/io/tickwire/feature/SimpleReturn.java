package io.tickwire.feature;

import io.tickwire.codecs.Bar;
import java.util.OptionalDouble;

/** Simple return over n bars: {@code close_t / close_{t-n} - 1}. */
final class SimpleReturn implements RollingFeature {
  private final LaggedClose lagged;

  SimpleReturn(int bars) {
    lagged = new LaggedClose(bars);
  }

  @Override
  public void add(Bar bar) {
    lagged.add(bar.close());
  }

  @Override
  public OptionalDouble value() {
    return lagged.known() ? OptionalDouble.of(lagged.ratio() - 1) : OptionalDouble.empty();
  }
}
