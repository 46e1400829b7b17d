package io.tickwire.derived.mid;

import io.tickwire.codecs.SpotMid;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The consolidated mid of the fresh venues and how far to trust it.
 *
 * <p>The mid is the median of the venues' mids (the mean of the middle two for an even count), computed exactly on
 * the venues' decimal prices and rounded to a double once. Why the median and not the mid of the best bid and best
 * ask across venues: the cross-venue best bid and ask each come from whichever venue is most extreme, so one venue
 * with a bad or lagging quote moves them, and venues' quotes routinely cross one another for a few milliseconds of
 * latency, which leaves a crossed consolidated book with no meaningful mid. The median moves only when most
 * venues move, and one venue gone wrong among three shifts it by at most the distance between the other two.
 *
 * <p>Quality: {@link SpotMid#DEGRADED} with fewer fresh venues than the minimum (the figure rests on too few
 * sources, whatever they say); otherwise {@link SpotMid#SUSPECT} when the fresh mids spread (highest minus lowest)
 * more than the band, in basis points of the median; otherwise {@link SpotMid#OK}.
 */
record Consensus(BigDecimal mid, double dispersionBps, String quality, int freshVenues) {
  private static final BigDecimal TWO = BigDecimal.valueOf(2);
  private static final double BPS = 10_000.0;

  static Consensus of(List<BigDecimal> freshMids, int minVenues, double bandBps) {
    int n = freshMids.size();
    if (n == 0) {
      return new Consensus(null, Double.NaN, SpotMid.DEGRADED, 0);
    }
    List<BigDecimal> sorted = new ArrayList<>(freshMids);
    sorted.sort(BigDecimal::compareTo);
    BigDecimal median = n % 2 == 1 ? sorted.get(n / 2)
        : sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(TWO);
    double dispersion = sorted.get(n - 1).subtract(sorted.get(0)).divide(median, MathContext.DECIMAL64)
        .doubleValue() * BPS;
    String quality = n < minVenues ? SpotMid.DEGRADED : dispersion > bandBps ? SpotMid.SUSPECT : SpotMid.OK;
    return new Consensus(median, dispersion, quality, n);
  }

  /** The mid as a double, NaN when no venue was fresh. */
  double midValue() {
    return mid == null ? Double.NaN : mid.doubleValue();
  }
}
