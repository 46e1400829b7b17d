package io.tickwire.derived.mid;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The consolidated mid computed the plain way, sharing no code with the engine: for each sample time, each venue's
 * last quote stamped at or before it (by event time alone, whatever order the quotes came in), the venues whose
 * quote is younger than the age limit, their mids as exact decimals from the quoted text, the median of those, and
 * the quality by the documented rule.
 */
public final class SpotMidOracle {
  /** One quote as a venue sent it: the decimal text of its bid and ask. */
  public record RawQuote(String venue, long time, String bid, String ask) {
  }

  /** What a sample should say. */
  public record Expected(long ts, Double mid, String quality, int fresh) {
  }

  private final long maxAgeMicros;
  private final int minVenues;
  private final double bandBps;

  public SpotMidOracle(long maxAgeMicros, int minVenues, double bandBps) {
    this.maxAgeMicros = maxAgeMicros;
    this.minVenues = minVenues;
    this.bandBps = bandBps;
  }

  public Expected at(long t, List<RawQuote> quotes) {
    Map<String, RawQuote> last = new TreeMap<>();
    for (RawQuote q : quotes) {
      if (q.time() <= t) {
        RawQuote seen = last.get(q.venue());
        if (seen == null || q.time() >= seen.time()) {
          last.put(q.venue(), q);
        }
      }
    }
    List<BigDecimal> mids = new ArrayList<>();
    for (RawQuote q : last.values()) {
      if (t - q.time() < maxAgeMicros) {
        mids.add(new BigDecimal(q.bid()).add(new BigDecimal(q.ask())).multiply(new BigDecimal("0.5")));
      }
    }
    if (mids.isEmpty()) {
      return new Expected(t, null, "degraded", 0);
    }
    mids.sort(null);
    int n = mids.size();
    BigDecimal median = n % 2 == 1 ? mids.get(n / 2)
        : mids.get(n / 2 - 1).add(mids.get(n / 2)).multiply(new BigDecimal("0.5"));
    double spreadBps = mids.get(n - 1).subtract(mids.get(0)).divide(median, MathContext.DECIMAL128).doubleValue() * 1e4;
    String quality = n < minVenues ? "degraded" : spreadBps > bandBps ? "suspect" : "ok";
    return new Expected(t, median.doubleValue(), quality, n);
  }
}
