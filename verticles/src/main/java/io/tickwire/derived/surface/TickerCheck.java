package io.tickwire.derived.surface;

import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.OptionTicker;
import java.util.List;

/**
 * What makes an option ticker unusable for a smile. A missing bid or ask (price 0, volatility NaN) is not a fault:
 * such a ticker is kept and fails the liquidity filter. Values no market has are faults: the ticker is counted by
 * reason and dropped, so the instrument's previous ticker stays in force (and ages).
 */
final class TickerCheck {
  static final String BAD_UNDERLYING_PRICE = "bad_underlying_price";
  /** Mark volatility missing, not a number, not positive, or over {@link #MAX_IV} percent. */
  static final String BAD_MARK_IV = "bad_mark_iv";
  /** A bid or ask volatility that is present but negative, infinite or over {@link #MAX_IV}. */
  static final String BAD_IV = "bad_iv";
  /** Bid price at or above ask price. */
  static final String CROSSED = "crossed";
  /** Bid volatility above ask volatility. */
  static final String CROSSED_IV = "crossed_iv";
  static final String EXPIRED = "expired";
  static final List<String> REASONS = List.of(BAD_UNDERLYING_PRICE, BAD_MARK_IV, BAD_IV, CROSSED, CROSSED_IV,
      EXPIRED);

  /** Volatility in percent beyond which a quote is taken for garbage rather than a market. */
  static final double MAX_IV = 1_000.0;

  private TickerCheck() {
  }

  /** Null when the ticker is usable, else why not. */
  static String reason(OptionTicker t) {
    if (!Decimals.isPositive(t.underlyingPrice())) {
      return BAD_UNDERLYING_PRICE;
    }
    if (!(t.markIv() > 0 && t.markIv() <= MAX_IV)) {
      return BAD_MARK_IV;
    }
    if (badSide(t.bidIv()) || badSide(t.askIv())) {
      return BAD_IV;
    }
    if (Decimals.isPositive(t.bidPrice()) && Decimals.isPositive(t.askPrice())
        && Decimals.compare(t.bidPrice(), t.askPrice()) >= 0) {
      return CROSSED;
    }
    if (t.bidIv() > t.askIv()) { // false when either is NaN
      return CROSSED_IV;
    }
    if (t.contract().expiry() <= t.eventTime()) {
      return EXPIRED;
    }
    return null;
  }

  private static boolean badSide(double iv) {
    return !Double.isNaN(iv) && !(iv >= 0 && iv <= MAX_IV);
  }
}
