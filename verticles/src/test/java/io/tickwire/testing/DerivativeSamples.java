package io.tickwire.testing;

import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.Greeks;
import io.tickwire.codecs.MarkFunding;
import io.tickwire.codecs.OptionContract;
import io.tickwire.codecs.OptionTicker;
import io.tickwire.codecs.OptionType;
import io.tickwire.codecs.VolatilityIndex;

/** Well-formed events of the derivatives kinds, for tests of the stages they pass through. */
public final class DerivativeSamples {
  private DerivativeSamples() {
  }

  public static OptionTicker optionTicker(String symbol, long eventTime) {
    return new OptionTicker("deribit", symbol, new OptionContract("BTC-24SEP21", 1_632_470_400_000_000L,
        Decimals.parse("8000"), OptionType.PUT), Decimals.parse("0.0010"), Decimals.parse("0.0005"),
        Decimals.parse("12.5"), Decimals.parse("0.0015"), Decimals.parse("3.0"), Decimals.parse("32366.75"),
        Decimals.parse("32208.37"), 120.74, 115.62, 127.5, new Greeks(-0.00847, 0.0, 0.84513, -1.64029),
        Decimals.parse("1061.3"), eventTime, eventTime + 100, 0);
  }

  public static MarkFunding markFunding(String symbol, long eventTime) {
    return new MarkFunding("binance_futures", symbol, Decimals.parse("32250.12"), Decimals.parse("32260.51"),
        Decimals.parse("32255.0"), Decimals.parse("-0.000125"), eventTime + 3_600_000_000L, eventTime,
        eventTime + 100, 0);
  }

  public static VolatilityIndex volatilityIndex(String symbol, long eventTime) {
    return new VolatilityIndex("deribit", symbol, Decimals.parse("85.20"), eventTime, eventTime + 100, 0);
  }
}
