package io.tickwire.derived;

import io.tickwire.codecs.SpotMid;
import io.tickwire.derived.mid.SpotMidEngine;
import io.tickwire.derived.surface.SurfaceEngine;
import io.tickwire.health.ComponentHealth;
import io.tickwire.metrics.Metrics;
import java.util.List;

/**
 * What the derived stage reports: one component per stream, with its counts, and for the spot mid each asset's
 * newest quality. The stage is {@code ok} while it computes: a degraded or suspect mid is a statement about the
 * market data, carried by the samples themselves and shown here, not a fault of the node.
 */
final class DerivedHealth {
  static final String SPOT_MID = "derived.spot_mid";
  static final String IV_SURFACE = "derived.iv_surface";

  private DerivedHealth() {
  }

  /** Every refusal reason of both streams in {@code tickwire_errors_total}, at zero from the start. */
  static void register(Metrics metrics, SpotMidEngine mids, SurfaceEngine surfaces) {
    if (mids != null) {
      for (String reason : mids.rejections().reasons()) {
        metrics.errors(SPOT_MID, reason, () -> mids.rejections().get(reason));
      }
    }
    if (surfaces != null) {
      for (String reason : surfaces.rejections().reasons()) {
        metrics.errors(IV_SURFACE, reason, () -> surfaces.rejections().get(reason));
      }
      metrics.evictions("iv_surface_instruments", surfaces::evictions);
    }
  }

  static ComponentHealth spotMid(SpotMidEngine engine) {
    return ComponentHealth.ok(SPOT_MID, qualities(engine.newest()), engine.gauges());
  }

  static ComponentHealth ivSurface(SurfaceEngine engine) {
    return ComponentHealth.ok(IV_SURFACE, "smiles of " + engine.gauges().get("expiries") + " expiries",
        engine.gauges());
  }

  /** "BTC ok (3 of 3 venues fresh), ETH degraded (1 of 3 venues fresh)". */
  private static String qualities(List<SpotMid> newest) {
    if (newest.isEmpty()) {
      return "no sample yet";
    }
    StringBuilder detail = new StringBuilder();
    for (SpotMid sample : newest) {
      if (!detail.isEmpty()) {
        detail.append(", ");
      }
      detail.append(sample.asset()).append(' ').append(sample.quality()).append(" (").append(sample.freshVenues())
          .append(" of ").append(sample.venues().size()).append(" venues fresh)");
    }
    return detail.toString();
  }
}
