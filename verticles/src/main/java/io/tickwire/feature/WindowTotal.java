package io.tickwire.feature;

import io.tickwire.codecs.Bar;
import java.util.OptionalDouble;
import java.util.function.ToDoubleFunction;

/** The sum of one bar field over the last n bars: the volume and trades kinds. */
final class WindowTotal implements RollingFeature {
  private final WindowSum sum;
  private final ToDoubleFunction<Bar> field;

  WindowTotal(int bars, ToDoubleFunction<Bar> field) {
    this.sum = new WindowSum(bars);
    this.field = field;
  }

  static WindowTotal volume(int bars) {
    return new WindowTotal(bars, Bar::volume);
  }

  /** Trade counts are integers far below 2^53, so the double sum of them is exact. */
  static WindowTotal trades(int bars) {
    return new WindowTotal(bars, bar -> bar.trades());
  }

  @Override
  public void add(Bar bar) {
    sum.push(field.applyAsDouble(bar));
  }

  @Override
  public OptionalDouble value() {
    return sum.full() ? OptionalDouble.of(sum.sum()) : OptionalDouble.empty();
  }
}
