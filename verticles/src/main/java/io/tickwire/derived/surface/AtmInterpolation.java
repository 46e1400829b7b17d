package io.tickwire.derived.surface;

import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.SmilePoint;
import java.util.List;

/**
 * The at-the-money volatility: linear in log-moneyness {@code k = ln(K / F)} between the two smile points whose
 * strikes bracket the forward {@code F} (the point itself when a strike is at the forward). Log-moneyness rather
 * than strike because smiles are close to linear in it over a strike interval, and it weighs the two sides by
 * relative rather than absolute distance, which does not depend on the price level. With no point on one side of
 * the forward there is nothing to interpolate between, and the result is NaN rather than an extrapolation.
 */
final class AtmInterpolation {
  private AtmInterpolation() {
  }

  /** @param points ascending by strike */
  static double at(double forward, List<SmilePoint> points) {
    SmilePoint below = null;
    for (SmilePoint point : points) {
      double strike = Decimals.toDouble(point.strike());
      if (strike == forward) {
        return point.iv();
      }
      if (strike > forward) {
        return below == null ? Double.NaN : between(forward, below, point);
      }
      below = point;
    }
    return Double.NaN;
  }

  private static double between(double forward, SmilePoint below, SmilePoint above) {
    double k1 = Math.log(Decimals.toDouble(below.strike()) / forward);
    double k2 = Math.log(Decimals.toDouble(above.strike()) / forward);
    double weight = -k1 / (k2 - k1);
    return below.iv() + weight * (above.iv() - below.iv());
  }
}
