package io.tickwire.derived.surface;

import io.tickwire.codecs.IvSurface;
import io.tickwire.codecs.MarketEvent;
import io.tickwire.config.DerivedSettings;
import io.tickwire.derived.sampling.PartitionWatermarks;
import java.util.ArrayList;
import java.util.List;

/** A surface engine fed the way the derived stage feeds it, every event through one partition. */
final class SurfaceFeed {
  private final PartitionWatermarks watermarks = new PartitionWatermarks(1);
  final SurfaceEngine engine;
  final List<IvSurface> out = new ArrayList<>();

  SurfaceFeed(DerivedSettings.IvSurface config) {
    this.engine = new SurfaceEngine(config, watermarks);
  }

  SurfaceFeed apply(MarketEvent event) {
    watermarks.event(0, event.eventTime());
    engine.apply(event, out);
    engine.drainAll(out);
    return this;
  }

  SurfaceFeed applyAll(List<? extends MarketEvent> events) {
    events.forEach(this::apply);
    return this;
  }
}
