package io.tickwire.derived.sampling;

import java.util.Map;

/**
 * How the inputs offered to a derived stream's samples fared: too late for their sample, or superseded by a newer
 * input of the same source before it was taken. Counted on one event loop, read for health on the same one.
 */
public final class OfferCounts {
  private long late;
  private long superseded;

  public void count(AsOf.Offer offer) {
    if (offer == AsOf.Offer.LATE) {
      late++;
    } else if (offer == AsOf.Offer.SUPERSEDED) {
      superseded++;
    }
  }

  /** Adds {@code inputs_late} and {@code inputs_superseded} to a health report's gauges. */
  public void addTo(Map<String, Number> gauges) {
    gauges.put("inputs_late", late);
    gauges.put("inputs_superseded", superseded);
  }
}
