package io.tickwire.router.detect;

import io.tickwire.codecs.Anomaly;
import io.tickwire.codecs.Trade;
import java.util.List;
import java.util.Map;

/**
 * Recognises a trade seen before on the same venue (same symbol and trade id), so it can be dropped from the
 * bars and counted as a {@code duplicate}.
 *
 * <p>Why a bounded LRU: venues resend trades on reconnect and replays, but only recent ones, so remembering the
 * last {@code capacityPerVenue} (symbol, trade id) pairs per venue catches them with fixed memory. A resend older
 * than that window is missed; that is the accepted trade-off. The number of venues tracked is bounded too
 * ({@link #MAX_VENUES}, LRU), so memory is at most {@code MAX_VENUES * capacityPerVenue} keys.
 */
public final class DuplicateDetector {
  public static final int DEFAULT_CAPACITY_PER_VENUE = 50_000;
  public static final int MAX_VENUES = 256;

  private final int capacityPerVenue;
  private final Map<String, BoundedLru<String, Boolean>> seenByVenue = new BoundedLru<>(MAX_VENUES);

  public DuplicateDetector() {
    this(DEFAULT_CAPACITY_PER_VENUE);
  }

  public DuplicateDetector(int capacityPerVenue) {
    if (capacityPerVenue < 1) {
      throw new IllegalArgumentException("capacityPerVenue must be positive: " + capacityPerVenue);
    }
    this.capacityPerVenue = capacityPerVenue;
  }

  /** True (and one {@code duplicate} anomaly added to {@code out}) when this venue has seen the trade already. */
  public boolean isDuplicate(Trade trade, List<Anomaly> out) {
    BoundedLru<String, Boolean> seen =
        seenByVenue.computeIfAbsent(trade.venue(), v -> new BoundedLru<>(capacityPerVenue));
    // '\u0000' cannot occur in a symbol, so the pair is unambiguous.
    String key = trade.symbol() + '\u0000' + trade.tradeId();
    if (seen.put(key, Boolean.TRUE) == null) {
      return false;
    }
    out.add(new Anomaly(trade.venue(), trade.symbol(), AnomalyTypes.DUPLICATE, trade.eventTime(),
        "trade id " + trade.tradeId() + " already seen on " + trade.venue(), Double.NaN));
    return true;
  }

  /** How many trade ids are remembered for {@code venue}; never more than the capacity. */
  public int remembered(String venue) {
    BoundedLru<String, Boolean> seen = seenByVenue.get(venue);
    return seen == null ? 0 : seen.size();
  }
}
