package io.tickwire.router.detect;

import io.tickwire.codecs.Anomaly;
import io.tickwire.codecs.Trade;
import java.util.List;
import java.util.Map;

/**
 * For venues whose trade ids are consecutive integers, flags a forward jump of more than one as a
 * {@code sequence_gap} whose measure is the number of missing ids.
 *
 * <p>Why this narrow rule: only a forward jump means data was lost. An id going backwards is a replay or a
 * reordering, which {@link DuplicateDetector} and {@link OrderDetector} report, so it is ignored here and does
 * not move the last id back. Ids that are not all digits (or too long for a long) carry no continuity and are
 * ignored. State is one long per (venue, symbol), bounded by LRU ({@code maxKeys}, default
 * {@link #DEFAULT_MAX_KEYS}).
 */
public final class SequenceGapDetector {
  public static final int DEFAULT_MAX_KEYS = 100_000;
  private static final int MAX_DIGITS = 18;

  private final Map<VenueSymbol, long[]> lastId;

  public SequenceGapDetector() {
    this(DEFAULT_MAX_KEYS);
  }

  public SequenceGapDetector(int maxKeys) {
    this.lastId = new BoundedLru<>(maxKeys);
  }

  /** The number of ids missing before {@code trade} (0 when none or not judged); adds an anomaly when &gt; 0. */
  public long check(Trade trade, List<Anomaly> out) {
    long id = parseId(trade.tradeId());
    if (id < 0) {
      return 0;
    }
    VenueSymbol key = new VenueSymbol(trade.venue(), trade.symbol());
    long[] last = lastId.get(key);
    if (last == null) {
      lastId.put(key, new long[] {id});
      return 0;
    }
    long previous = last[0];
    if (id <= previous) {
      return 0;
    }
    last[0] = id;
    long missing = id - previous - 1;
    if (missing > 0) {
      out.add(new Anomaly(trade.venue(), trade.symbol(), AnomalyTypes.SEQUENCE_GAP, trade.eventTime(),
          "trade id jumped from " + previous + " to " + id + " (" + missing + " missing)", missing));
    }
    return missing;
  }

  /** The id as a non-negative long, or -1 when it is empty, not all ASCII digits, or too long. */
  static long parseId(String id) {
    int n = id.length();
    if (n == 0 || n > MAX_DIGITS) {
      return -1;
    }
    long value = 0;
    for (int i = 0; i < n; i++) {
      char c = id.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
