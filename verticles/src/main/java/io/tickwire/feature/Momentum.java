package io.tickwire.feature;

import io.tickwire.codecs.Bar;
import java.util.OptionalDouble;

/** Momentum over n bars: {@code close_t / mean(close over the last n bars, close_t included) - 1}. */
final class Momentum implements RollingFeature {
  private final WindowSum closes;
  private double last;

  Momentum(int bars) {
    closes = new WindowSum(bars);
  }

  @Override
  public void add(Bar bar) {
    closes.push(bar.close());
    last = bar.close();
  }

  @Override
  public OptionalDouble value() {
    return closes.full() ? OptionalDouble.of(last / closes.mean() - 1) : OptionalDouble.empty();
  }
}
