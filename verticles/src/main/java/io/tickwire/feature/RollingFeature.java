package io.tickwire.feature;

import io.tickwire.codecs.Bar;
import java.util.OptionalDouble;

/**
 * One rolling feature of one (venue, symbol), fed every closed bar of the base interval in event-time order.
 * The horizon counts bars that exist: an interval without trades has no bar, so it neither enters the window
 * nor pushes an older bar out. Empty means "not enough history yet", which a snapshot shows by leaving the
 * feature out rather than reporting 0.
 */
public interface RollingFeature {
  void add(Bar bar);

  OptionalDouble value();
}
