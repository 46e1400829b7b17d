package io.tickwire.derived.surface;

import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.IvSurface;
import io.tickwire.codecs.OptionTicker;
import io.tickwire.codecs.OptionType;
import io.tickwire.codecs.SmilePoint;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * One expiry's smile at a snapshot time, from the tickers in force then (each instrument's newest, none older than
 * the age limit).
 *
 * <ul>
 *   <li>Forward: the median of the underlying prices the tickers carry, exact on their decimals. Each ticker carries
 *   the forward as the venue saw it when it stamped the ticker; the median is the same whatever order the tickers
 *   came in, and one ticker with an old or odd underlying price does not move it.</li>
 *   <li>Smile points: per strike, the out-of-the-money option (the put below the forward, the call at or above it),
 *   the one quoted by those trading that strike's volatility, whose ticker must pass the {@link LiquidityFilter};
 *   its volatility is the mark volatility. The mark volatility is the venue's own fit, consistent across strikes
 *   and defined whatever the width of the spread, while the mid of bid and ask volatility jumps with each side's
 *   queue; the filter already makes sure a point's strike has a two-sided market around that mark.</li>
 *   <li>At the money: {@link AtmInterpolation} over the points kept.</li>
 * </ul>
 */
final class SmileBuilder {
  private static final BigDecimal TWO = BigDecimal.valueOf(2);

  private final LiquidityFilter filter;

  SmileBuilder(LiquidityFilter filter) {
    this.filter = filter;
  }

  /** Null when there is no input: nothing was seen, so there is nothing to say. */
  IvSurface build(String venue, String underlying, long expiry, long ts, List<OptionTicker> inputs) {
    if (inputs.isEmpty()) {
      return null;
    }
    double forward = forward(inputs);
    TreeMap<Long, OptionTicker[]> byStrike = byStrike(inputs);
    List<SmilePoint> points = new ArrayList<>();
    for (OptionTicker[] pair : byStrike.values()) {
      OptionTicker put = pair[0];
      OptionTicker call = pair[1];
      OptionTicker any = put != null ? put : call;
      OptionTicker outOfTheMoney = Decimals.toDouble(any.contract().strike()) < forward ? put : call;
      if (outOfTheMoney != null && filter.passes(outOfTheMoney)) {
        points.add(new SmilePoint(outOfTheMoney.contract().strike(), outOfTheMoney.markIv()));
      }
    }
    return new IvSurface(venue, underlying, expiry, ts, forward, AtmInterpolation.at(forward, points),
        byStrike.size(), points.size(), oldestAgeMs(inputs, ts), points);
  }

  private static double forward(List<OptionTicker> inputs) {
    List<BigDecimal> prices = new ArrayList<>(inputs.size());
    for (OptionTicker t : inputs) {
      prices.add(Decimals.toBigDecimal(t.underlyingPrice()));
    }
    prices.sort(BigDecimal::compareTo);
    int n = prices.size();
    BigDecimal median = n % 2 == 1 ? prices.get(n / 2) : prices.get(n / 2 - 1).add(prices.get(n / 2)).divide(TWO);
    return median.doubleValue();
  }

  /** Put and call per strike, ascending; strikes are compared by value, so 60000 and 60000.0 are one strike. */
  private static TreeMap<Long, OptionTicker[]> byStrike(List<OptionTicker> inputs) {
    TreeMap<Long, OptionTicker[]> out = new TreeMap<>(Decimals::compare);
    for (OptionTicker t : inputs) {
      OptionTicker[] pair = out.computeIfAbsent(t.contract().strike(), k -> new OptionTicker[2]);
      pair[t.contract().type() == OptionType.PUT ? 0 : 1] = t;
    }
    return out;
  }

  private static long oldestAgeMs(List<OptionTicker> inputs, long ts) {
    long oldest = Long.MAX_VALUE;
    for (OptionTicker t : inputs) {
      oldest = Math.min(oldest, t.eventTime());
    }
    return Math.floorDiv(Math.max(0, ts - oldest), 1000);
  }
}
