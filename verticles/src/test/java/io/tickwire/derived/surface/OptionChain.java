package io.tickwire.derived.surface;

import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.Greeks;
import io.tickwire.codecs.IsoTime;
import io.tickwire.codecs.OptionContract;
import io.tickwire.codecs.OptionTicker;
import io.tickwire.codecs.OptionType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A synthetic option chain whose volatilities follow a known smile, quadratic in log-moneyness:
 * {@code iv(k) = 50 - 8 k + 30 k^2} percent with {@code k = ln(K / F)}. Every option is quoted 0.4 volatility
 * points either side of its mark, with a size on each side, unless a test makes it illiquid.
 */
public final class OptionChain {
  public static final long T0 = IsoTime.parse("2024-05-01T12:00:00Z");
  public static final long SECOND = 1_000_000L;
  public static final long EXPIRY = IsoTime.parse("2024-06-28T08:00:00Z");
  public static final String VENUE = "deribit";

  private OptionChain() {
  }

  public static double smile(double strike, double forward) {
    double k = Math.log(strike / forward);
    return 50 - 8 * k + 30 * k * k;
  }

  /** Put and call per strike, both marked on the smile and liquid, stamped a few milliseconds apart from {@code t}. */
  public static List<OptionTicker> chain(long expiry, String underlying, String forward, List<Integer> strikes,
      long t) {
    List<OptionTicker> out = new ArrayList<>();
    double f = new BigDecimal(forward).doubleValue();
    long time = t;
    for (int strike : strikes) {
      double iv = smile(strike, f);
      for (OptionType type : OptionType.values()) {
        out.add(ticker(expiry, underlying, forward, strike, type, iv, iv - 0.4, iv + 0.4, "1.5", "2.0", time));
        time += 3_000;
      }
    }
    return out;
  }

  public static OptionTicker ticker(long expiry, String underlying, String forward, int strike, OptionType type,
      double markIv, double bidIv, double askIv, String bidSize, String askSize, long time) {
    String name = "BTC-" + IsoTime.format(expiry).substring(0, 10) + "-" + strike + (type == OptionType.PUT ? "-P"
        : "-C");
    boolean bid = !Double.isNaN(bidIv);
    boolean ask = !Double.isNaN(askIv);
    return new OptionTicker(VENUE, name, new OptionContract(underlying, expiry, Decimals.of(strike, 0), type),
        Decimals.parse("0.0450"), bid ? Decimals.parse("0.0440") : 0, bid ? Decimals.parse(bidSize) : 0,
        ask ? Decimals.parse("0.0460") : 0, ask ? Decimals.parse(askSize) : 0, Decimals.parse(forward),
        Decimals.parse(forward), markIv, bidIv, askIv, Greeks.NONE, Decimals.parse("100"), time, time, 0);
  }
}
