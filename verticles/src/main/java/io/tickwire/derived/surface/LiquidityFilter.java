package io.tickwire.derived.surface;

import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.OptionTicker;

/**
 * Whether an option is quoted well enough for its strike to be a smile point: a bid and an ask volatility, at most
 * {@code maxIvSpread} volatility points apart, and a size on each side (so the volatilities are someone's
 * order, not a stale level).
 */
final class LiquidityFilter {
  private final double maxIvSpread;

  LiquidityFilter(double maxIvSpread) {
    this.maxIvSpread = maxIvSpread;
  }

  boolean passes(OptionTicker t) {
    return Double.isFinite(t.bidIv()) && Double.isFinite(t.askIv()) && t.askIv() - t.bidIv() <= maxIvSpread
        && Decimals.isPositive(t.bidSize()) && Decimals.isPositive(t.askSize());
  }
}
