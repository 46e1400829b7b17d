package io.tickwire.codecs;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One venue's best bid and ask as a consolidated sample saw them: the newest quote (or book top) at or before the
 * sample time, when it was stamped, how old it was at the sample (ms) and whether it was young enough to count.
 * Prices and sizes are exact decimals packed by {@link Decimals}. A venue that has never quoted has
 * {@code quoteTime} 0, zero prices and an {@code ageMs} of -1.
 */
public record VenueQuote(String venue, String symbol, long bidPrice, long bidSize, long askPrice, long askSize,
    long quoteTime, long ageMs, boolean fresh) {
  private static final BigDecimal TWO = BigDecimal.valueOf(2);

  public VenueQuote {
    Objects.requireNonNull(venue, "venue");
    Objects.requireNonNull(symbol, "symbol");
  }

  /** A venue that has sent nothing usable yet. */
  public static VenueQuote never(String venue, String symbol) {
    return new VenueQuote(venue, symbol, 0, 0, 0, 0, 0, -1, false);
  }

  public boolean quoted() {
    return quoteTime != 0;
  }

  /** (bid + ask) / 2, exactly; null when the venue has never quoted. */
  public BigDecimal exactMid() {
    if (!quoted()) {
      return null;
    }
    return Decimals.toBigDecimal(bidPrice).add(Decimals.toBigDecimal(askPrice)).divide(TWO);
  }

  /** The exact mid rounded once to a double; NaN when the venue has never quoted. */
  public double mid() {
    BigDecimal exact = exactMid();
    return exact == null ? Double.NaN : exact.doubleValue();
  }
}
