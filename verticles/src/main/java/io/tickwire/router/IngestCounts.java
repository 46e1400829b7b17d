package io.tickwire.router;

import io.tickwire.codecs.EventKind;
import io.tickwire.codecs.MarketEvent;
import io.tickwire.metrics.Metrics;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * {@code tickwire_events_ingested_total{venue, kind}}: every event the router takes in, before validation. Venue
 * names come from the producers (a TCP producer may send any), so only the first {@link #MAX_VENUES} get a label
 * of their own and the rest count under {@value #OTHER}: a label set bounded whatever the input.
 *
 * <p>Written by the router's event loop only, read by the scrape: single-writer counters published with release
 * stores, so counting costs no atomic read-modify-write per event.
 */
final class IngestCounts {
  static final int MAX_VENUES = 32;
  static final String OTHER = "other";
  private static final EventKind[] KINDS = EventKind.values();

  private final Metrics metrics;
  private final Map<String, AtomicLongArray> byVenue = new HashMap<>();
  private String lastVenue;
  private AtomicLongArray lastCounts;
  private AtomicLongArray other;

  IngestCounts(Metrics metrics) {
    this.metrics = metrics;
  }

  void count(MarketEvent event) {
    String venue = event.venue();
    // a batch usually comes from one connector: the same venue string, no map lookup
    if (venue != lastVenue) {
      lastCounts = countsOf(venue);
      lastVenue = venue;
    }
    int kind = event.kind().ordinal();
    lastCounts.setRelease(kind, lastCounts.getPlain(kind) + 1);
  }

  private AtomicLongArray countsOf(String venue) {
    AtomicLongArray counts = byVenue.get(venue);
    if (counts != null) {
      return counts;
    }
    if (byVenue.size() < MAX_VENUES) {
      counts = register(venue);
      byVenue.put(venue, counts);
      return counts;
    }
    if (other == null) {
      other = register(OTHER);
    }
    return other;
  }

  private AtomicLongArray register(String venue) {
    AtomicLongArray counts = new AtomicLongArray(KINDS.length);
    for (EventKind kind : KINDS) {
      metrics.counter(Metrics.EVENTS_INGESTED, "Events taken in from the sources, by venue and kind (before"
          + " validation)", () -> counts.get(kind.ordinal()), "venue", venue, "kind", kind.wire());
    }
    return counts;
  }
}
