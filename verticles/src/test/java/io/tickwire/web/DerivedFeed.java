package io.tickwire.web;

import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.Greeks;
import io.tickwire.codecs.MarkFunding;
import io.tickwire.codecs.MarketEvent;
import io.tickwire.codecs.OptionContract;
import io.tickwire.codecs.OptionTicker;
import io.tickwire.codecs.OptionType;
import io.tickwire.codecs.Quote;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Half a minute of derived-stream inputs ending a second before now, for the dashboard: three venues quoting BTC
 * around 65,000 in agreement every half second, a perpetual 50 above with funding at 0.01%, and a liquid option
 * chain 30 days out whose smile is snapshotted.
 */
final class DerivedFeed {
  static final List<Integer> STRIKES = List.of(55000, 60000, 65000, 70000, 75000);
  private static final long SECOND = 1_000_000L;
  private static final String[] VENUES = {"fake_a", "fake_b", "fake_c"};
  private static final String[] SYMBOLS = {"BTC-USD", "BTC/USD", "BTCUSDT"};

  private DerivedFeed() {
  }

  static List<MarketEvent> lastHalfMinute(long nowMicros) {
    long t0 = nowMicros - 31 * SECOND;
    List<MarketEvent> events = new ArrayList<>();
    for (long t = t0; t < t0 + 30 * SECOND; t += SECOND / 2) {
      for (int v = 0; v < VENUES.length; v++) {
        String bid = (64999.5 + v * 0.25) + "";
        String ask = (65000.5 + v * 0.25) + "";
        events.add(new Quote(VENUES[v], SYMBOLS[v], Decimals.parse(bid), Decimals.parse("1"), Decimals.parse(ask),
            Decimals.parse("1"), t + v * 10_000, 0, 0));
      }
      events.add(new MarkFunding("fake_perp", "BTCUSDT", Decimals.parse("65050.5"), 0, 0, Decimals.parse("0.0001"),
          0, t, 0, 0));
    }
    long expiry = (nowMicros / (86_400 * SECOND) + 30) * 86_400 * SECOND + 8 * 3_600 * SECOND;
    for (int strike : STRIKES) {
      double k = Math.log(strike / 65000.0);
      double iv = 50 - 8 * k + 30 * k * k;
      for (OptionType type : OptionType.values()) {
        events.add(ticker(expiry, strike, type, iv, t0 + SECOND));
        events.add(ticker(expiry, strike, type, iv, t0 + 29 * SECOND));
      }
    }
    events.sort(Comparator.comparingLong(MarketEvent::eventTime));
    return events;
  }

  private static OptionTicker ticker(long expiry, int strike, OptionType type, double iv, long t) {
    String name = "BTC-30D-" + strike + (type == OptionType.PUT ? "-P" : "-C");
    return new OptionTicker("deribit", name, new OptionContract("BTC-30D", expiry, Decimals.of(strike, 0), type),
        Decimals.parse("0.05"), Decimals.parse("0.049"), Decimals.parse("2"), Decimals.parse("0.051"),
        Decimals.parse("2"), Decimals.parse("65000"), Decimals.parse("65000"), iv, iv - 0.3, iv + 0.3, Greeks.NONE,
        Decimals.parse("10"), t, 0, 0);
  }
}
