package io.tickwire.router.detect;

import io.tickwire.codecs.Anomaly;
import io.tickwire.codecs.AnomalyTypes;
import io.tickwire.codecs.Trade;
import io.tickwire.flow.LruMap;
import java.util.List;
import java.util.Map;

/**
 * Recognises a trade seen before on the same venue (same symbol and trade id), so it can be dropped from the
 * bars and counted as a {@code duplicate}.
 *
 * <p>Why bounded: venues resend trades on reconnect and replays, but only recent ones, so remembering the last
 * {@code capacityPerVenue} (symbol, trade id) pairs per venue catches them with fixed memory. A resend older than
 * that window is missed; that is the accepted trade-off. The number of venues tracked is bounded too
 * ({@link #MAX_VENUES}, LRU), so memory is at most {@code MAX_VENUES * capacityPerVenue} keys.
 *
 * <p>Pairs are remembered as 64-bit fingerprints (FNV-1a over the symbol, a separator and the trade id): the check
 * runs on every trade on the router's one event loop, and a fingerprint costs no allocation. Two different pairs of
 * one venue share a fingerprint with odds of about {@code capacity^2 / 2^65} (1e-10 at 50,000): a trade wrongly
 * dropped as a duplicate that rarely is accepted.
 */
public final class DuplicateDetector {
  public static final int DEFAULT_CAPACITY_PER_VENUE = 50_000;
  public static final int MAX_VENUES = 256;

  private final int capacityPerVenue;
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private final Map<String, RecentFingerprints> seenByVenue = new LruMap<>(MAX_VENUES);
  /** The last venue looked up: a batch usually comes from one connector, so most lookups are this one. */
  private String lastVenue;
  private RecentFingerprints lastSeen;

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
    if (!seenBefore(trade.venue(), trade.symbol(), trade.tradeId())) {
      return false;
    }
    out.add(new Anomaly(trade.venue(), trade.symbol(), AnomalyTypes.DUPLICATE, trade.eventTime(),
        "trade id " + trade.tradeId() + " already seen on " + trade.venue(), Double.NaN));
    return true;
  }

  /**
   * Remembers the trade and tells whether this venue had seen it already, as {@link #isDuplicate} decides, for a
   * caller that has the trade's fields but no {@link Trade} (the replay's ground truth).
   */
  public boolean seenBefore(String venue, String symbol, String tradeId) {
    return !seenOn(venue).add(fingerprint(symbol, tradeId));
  }

  private RecentFingerprints seenOn(String venue) {
    if (venue != lastVenue) {
      lastSeen = seenByVenue.computeIfAbsent(venue, v -> new RecentFingerprints(capacityPerVenue));
      lastVenue = venue;
    }
    return lastSeen;
  }

  /**
   * FNV-1a over the symbol, then a separator no symbol contains ('\u0000'), then the trade id; finished with
   * MurmurHash3's mix, since FNV's low bits (the table's slot) depend only on the characters' low bits.
   */
  static long fingerprint(String symbol, String tradeId) {
    long h = FNV_OFFSET;
    for (int i = 0; i < symbol.length(); i++) {
      h = (h ^ symbol.charAt(i)) * FNV_PRIME;
    }
    h *= FNV_PRIME; // the separator, 0
    for (int i = 0; i < tradeId.length(); i++) {
      h = (h ^ tradeId.charAt(i)) * FNV_PRIME;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    return h ^ (h >>> 33);
  }

  /** How many trade ids are remembered for {@code venue}; never more than the capacity. */
  public int remembered(String venue) {
    RecentFingerprints seen = seenByVenue.get(venue);
    return seen == null ? 0 : seen.size();
  }
}
