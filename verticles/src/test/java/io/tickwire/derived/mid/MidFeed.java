package io.tickwire.derived.mid;

import io.tickwire.codecs.MarketEvent;
import io.tickwire.codecs.SpotMid;
import io.tickwire.config.DerivedSettings;
import io.tickwire.derived.sampling.PartitionWatermarks;
import java.util.ArrayList;
import java.util.List;

/**
 * A spot-mid engine fed the way the derived stage feeds it, every event through one partition: the partition moves
 * on with the event, the engine takes it, and the samples it completes are collected.
 */
final class MidFeed {
  private final PartitionWatermarks watermarks = new PartitionWatermarks(1);
  final SpotMidEngine engine;
  final List<SpotMid> out = new ArrayList<>();

  MidFeed(DerivedSettings.SpotMid config) {
    this.engine = new SpotMidEngine(config, watermarks);
  }

  MidFeed apply(MarketEvent event) {
    watermarks.event(0, event.eventTime());
    engine.apply(event, out);
    engine.drainAll(out);
    return this;
  }

  MidFeed applyAll(List<? extends MarketEvent> events) {
    events.forEach(this::apply);
    return this;
  }

  SpotMid last() {
    return out.get(out.size() - 1);
  }
}
