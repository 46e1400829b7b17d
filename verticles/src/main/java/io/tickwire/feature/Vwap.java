package io.tickwire.feature;

import io.tickwire.codecs.Bar;
import java.util.OptionalDouble;

/** Volume-weighted average price over the last n bars: {@code sum(vwap_i * volume_i) / sum(volume_i)}. */
final class Vwap implements RollingFeature {
  private final WindowSum notional;
  private final WindowSum volume;

  Vwap(int bars) {
    notional = new WindowSum(bars);
    volume = new WindowSum(bars);
  }

  @Override
  public void add(Bar bar) {
    notional.push(bar.vwap() * bar.volume());
    volume.push(bar.volume());
  }

  @Override
  public OptionalDouble value() {
    double v = volume.sum();
    return volume.full() && v > 0 ? OptionalDouble.of(notional.sum() / v) : OptionalDouble.empty();
  }
}
