package io.tickwire.feature;

import io.tickwire.codecs.Bar;
import java.util.OptionalDouble;
import java.util.function.DoubleUnaryOperator;

/** A return over n bars, from the ratio {@code close_t / close_{t-n}}: simple ({@code ratio - 1}) or log. */
final class PeriodReturn implements RollingFeature {
  private final LaggedClose lagged;
  private final DoubleUnaryOperator fromRatio;

  private PeriodReturn(int bars, DoubleUnaryOperator fromRatio) {
    this.lagged = new LaggedClose(bars);
    this.fromRatio = fromRatio;
  }

  static PeriodReturn simple(int bars) {
    return new PeriodReturn(bars, ratio -> ratio - 1);
  }

  static PeriodReturn log(int bars) {
    return new PeriodReturn(bars, Math::log);
  }

  @Override
  public void add(Bar bar) {
    lagged.add(bar.close());
  }

  @Override
  public OptionalDouble value() {
    return lagged.known() ? OptionalDouble.of(fromRatio.applyAsDouble(lagged.ratio())) : OptionalDouble.empty();
  }
}
