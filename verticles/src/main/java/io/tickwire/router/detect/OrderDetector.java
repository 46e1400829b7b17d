package io.tickwire.router.detect;

import io.tickwire.codecs.Anomaly;
import io.tickwire.codecs.AnomalyTypes;
import io.tickwire.codecs.MarketEvent;
import io.tickwire.flow.LruMap;
import java.util.List;

/**
 * Flags an event whose event time is older than the newest already seen for its (venue, symbol) as
 * {@code out_of_order}, with how far behind it is in milliseconds. Equal times are in order.
 *
 * <p>Why: bars accept late events only within the allowed lateness, so lateness must be measured per symbol
 * against the high-water mark rather than against the previous event. Only the high-water mark is kept, one
 * long per key, and keys are bounded by LRU ({@code maxKeys}, default {@link #DEFAULT_MAX_KEYS}); an evicted
 * key simply starts a new high-water mark.
 */
public final class OrderDetector {
  public static final int DEFAULT_MAX_KEYS = 100_000;

  private final LruMap<VenueSymbol, long[]> newest;

  public OrderDetector() {
    this(DEFAULT_MAX_KEYS);
  }

  public OrderDetector(int maxKeys) {
    this.newest = new LruMap<>(maxKeys);
  }

  /** True (and one anomaly added to {@code out}) when {@code event} is older than the newest for its symbol. */
  public boolean isOutOfOrder(MarketEvent event, List<Anomaly> out) {
    long[] mark = newest.get(new VenueSymbol(event.venue(), event.symbol()));
    if (mark == null) {
      newest.put(new VenueSymbol(event.venue(), event.symbol()), new long[] {event.eventTime()});
      return false;
    }
    long behind = mark[0] - event.eventTime();
    if (behind <= 0) {
      mark[0] = event.eventTime();
      return false;
    }
    double behindMs = behind / 1000.0;
    out.add(new Anomaly(event.venue(), event.symbol(), AnomalyTypes.OUT_OF_ORDER, event.eventTime(),
        "event time " + behindMs + " ms older than the newest seen for " + event.symbol(), behindMs));
    return true;
  }

  int trackedKeys() {
    return newest.size();
  }

  /** Keys dropped, least recently used first, to stay within the key cap; each starts afresh if it comes back. */
  public long evictions() {
    return newest.evictions();
  }
}
