package io.tickwire.derived.mid;

import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.IsoTime;
import io.tickwire.codecs.Quote;
import io.tickwire.config.DerivedSettings;
import io.tickwire.config.DerivedSettings.VenueSymbol;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Three fake venues quoting one asset for 30 seconds, every 250 ms each: all three in agreement for the first ten
 * seconds; then b and c go quiet while a goes on; from 20 s b is back as before and c is back 5% higher.
 */
public final class ThreeVenues {
  public static final long T0 = IsoTime.parse("2024-05-01T12:00:00Z");
  public static final long SECOND = 1_000_000L;
  public static final List<VenueSymbol> VENUES = List.of(new VenueSymbol("fake_a", "BTC-USD"),
      new VenueSymbol("fake_b", "BTC/USD"), new VenueSymbol("fake_c", "BTCUSDT"));
  /** Each venue's first quote after a whole second comes this long after it, so venues are never in step. */
  private static final long[] OFFSET = {0, 80_000, 170_000};
  /** Venues disagree by a few dollars at most: under a basis point at 65,000. */
  private static final String[] SKEW = {"0.00", "1.00", "-1.50"};

  /** The events in event-time order, with the decimal text the oracle reads. */
  public record Feed(List<Quote> quotes, List<SpotMidOracle.RawQuote> raw) {
  }

  private ThreeVenues() {
  }

  public static DerivedSettings.SpotMid config() {
    return config(10_000);
  }

  /** As {@link #config()}, waiting at most {@code maxWaitMs} for a partition that lags. */
  public static DerivedSettings.SpotMid config(long maxWaitMs) {
    return new DerivedSettings.SpotMid(List.of(new DerivedSettings.Asset("BTC", VENUES, null)), 1000, 500,
        maxWaitMs, 3000, 2, 50.0, 3000);
  }

  public static Feed feed() {
    List<Quote> quotes = new ArrayList<>();
    List<SpotMidOracle.RawQuote> raw = new ArrayList<>();
    for (int v = 0; v < 3; v++) {
      for (long t = T0 + OFFSET[v]; t < T0 + 30 * SECOND; t += 250_000) {
        long since = t - T0;
        if (v > 0 && since >= 10 * SECOND && since < 20 * SECOND) {
          continue; // b and c quiet
        }
        BigDecimal mid = new BigDecimal("65000.00").add(new BigDecimal(since / 250_000).multiply(
            new BigDecimal("0.25"))).add(new BigDecimal(SKEW[v]));
        if (v == 2 && since >= 20 * SECOND) {
          mid = mid.multiply(new BigDecimal("1.05")).setScale(2, RoundingMode.HALF_EVEN);
        }
        String bid = mid.subtract(new BigDecimal("0.05")).toPlainString();
        String ask = mid.add(new BigDecimal("0.05")).toPlainString();
        VenueSymbol venue = VENUES.get(v);
        quotes.add(new Quote(venue.venue(), venue.symbol(), Decimals.parse(bid), Decimals.parse("0.5"),
            Decimals.parse(ask), Decimals.parse("0.75"), t, t, 0));
        raw.add(new SpotMidOracle.RawQuote(venue.venue(), t, bid, ask));
      }
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < quotes.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingLong(i -> quotes.get(i).eventTime()));
    return new Feed(order.stream().map(quotes::get).toList(), order.stream().map(raw::get).toList());
  }

  /** The same quotes as they might arrive: venue c's 400 ms behind the others (within the 500 ms lateness). */
  public static List<Quote> arrivingWithCLate(List<Quote> quotes) {
    List<Quote> arriving = new ArrayList<>(quotes);
    arriving.sort(Comparator.comparingLong(q -> q.eventTime() + (q.venue().equals("fake_c") ? 400_000 : 0)));
    return arriving;
  }
}
