package io.tickwire.batcher;

import io.tickwire.codecs.Bar;
import io.tickwire.codecs.BarBatch;
import io.tickwire.flow.Addresses;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Publishes the forming (still open) bars of a batcher's partitions on {@code md.bars.forming} every
 * {@link #PERIOD_MS}, only those a trade changed since the last tick. A plain publish, not a lossless link: a
 * forming bar is superseded within a tick, so a consumer that misses one loses nothing worth waiting for, and the
 * batcher is never held back by who watches. The ticks run on the batcher's event loop, which owns the windows.
 */
final class FormingBars {
  /** At most five updates a second per bar: live enough for a chart, cheap for the batcher. */
  static final long PERIOD_MS = 200;

  private final Vertx vertx;
  private final Collection<OwnedPartition> partitions;
  private long timer = -1;

  private FormingBars(Vertx vertx, Collection<OwnedPartition> partitions) {
    this.vertx = vertx;
    this.partitions = partitions;
  }

  /** Starts ticking on the caller's context over {@code partitions} (read at each tick, so it may change). */
  static FormingBars start(Vertx vertx, Collection<OwnedPartition> partitions) {
    FormingBars forming = new FormingBars(vertx, partitions);
    forming.timer = vertx.setPeriodic(PERIOD_MS, id -> forming.publishChanged());
    return forming;
  }

  void stop() {
    vertx.cancelTimer(timer);
  }

  private void publishChanged() {
    List<Bar> changed = new ArrayList<>();
    for (OwnedPartition partition : partitions) {
      partition.windows.collectForming(changed);
    }
    if (!changed.isEmpty()) {
      vertx.eventBus().publish(Addresses.BARS_FORMING, new BarBatch(changed));
    }
  }
}
