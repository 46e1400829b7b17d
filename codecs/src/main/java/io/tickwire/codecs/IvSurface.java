package io.tickwire.codecs;

import java.util.List;
import java.util.Objects;

/**
 * The implied-volatility smile of one (venue, underlying, expiry) at the snapshot time {@code ts} (event time):
 * the forward taken from the underlying price the option tickers carry, the at-the-money implied volatility
 * interpolated at the forward (NaN when no two kept strikes bracket it), the smile points that passed the liquidity
 * filter, ascending by strike, and the inputs' quality: distinct strikes seen, strikes kept, and the age in
 * milliseconds of the oldest ticker used. Volatilities are in percent, as venues quote them. {@code underlying} is
 * the underlying's root ({@code BTC}), whatever future or index the venue named per expiry. {@code points} is an
 * immutable copy.
 */
public record IvSurface(
    String venue,
    String underlying,
    long expiry,
    long ts,
    double forward,
    double atmIv,
    int strikesSeen,
    int strikesKept,
    long oldestInputAgeMs,
    List<SmilePoint> points) {

  public IvSurface {
    Objects.requireNonNull(venue, "venue");
    Objects.requireNonNull(underlying, "underlying");
    points = List.copyOf(points);
  }
}
