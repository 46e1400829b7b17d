package io.tickwire.testing;

import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.Trade;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An independent bar computation for tests: groups trades by (venue, symbol, interval, window) and computes
 * OHLCV with BigDecimal, written without reference to the batcher's code. Open is the earliest trade by
 * (event time, numeric trade id), close the latest.
 */
public final class ReferenceBars {
  /** One expected bar; prices as doubles of the exact trade prices, volume and VWAP exact. */
  public record Expected(String venue, String symbol, long intervalMillis, long start, double open, double high,
      double low, double close, BigDecimal volume, BigDecimal vwap, long trades, long end) {
    public String key() {
      return venue + "|" + symbol + "|" + intervalMillis + "|" + start;
    }
  }

  /** Trade ids in these tests are decimal numbers; BigInteger compares them without sharing the batcher's code. */
  private static final java.util.Comparator<Trade> ORDER = java.util.Comparator.comparingLong(Trade::eventTime)
      .thenComparing(t -> new java.math.BigInteger(t.tradeId()));

  private ReferenceBars() {
  }

  /** Where a test's windows lie: the window {@code [start, end)} (epoch µs) of an interval holding a time. */
  public interface Windows {
    long[] window(long intervalMillis, long time);
  }

  /** Windows aligned to the epoch. */
  public static final Windows EPOCH = (interval, time) -> {
    long micros = interval * 1000;
    long start = Math.floorDiv(time, micros) * micros;
    return new long[] {start, start + micros};
  };

  /** Expected bars keyed by {@link Expected#key()}, for every interval. */
  public static Map<String, Expected> compute(List<Trade> trades, long... intervalsMillis) {
    return compute(trades, EPOCH, intervalsMillis);
  }

  /** {@link #compute(List, long...)} over windows placed by {@code windows}. */
  public static Map<String, Expected> compute(List<Trade> trades, Windows windows, long... intervalsMillis) {
    Map<String, List<Trade>> groups = new TreeMap<>();
    Map<String, Long> ends = new TreeMap<>();
    for (long interval : intervalsMillis) {
      for (Trade t : trades) {
        long[] window = windows.window(interval, t.eventTime());
        String key = t.venue() + "|" + t.symbol() + "|" + interval + "|" + window[0];
        groups.computeIfAbsent(key, k -> new ArrayList<>()).add(t);
        ends.put(key, window[1]);
      }
    }
    Map<String, Expected> out = new TreeMap<>();
    groups.forEach((key, list) -> out.put(key, bar(key, list, ends.get(key))));
    return out;
  }

  private static Expected bar(String key, List<Trade> list, long end) {
    String[] parts = key.split("\\|");
    Trade first = list.get(0);
    Trade last = list.get(0);
    BigDecimal high = null;
    BigDecimal low = null;
    BigDecimal volume = BigDecimal.ZERO;
    BigDecimal notional = BigDecimal.ZERO;
    for (Trade t : list) {
      if (ORDER.compare(t, first) < 0) {
        first = t;
      }
      if (ORDER.compare(t, last) > 0) {
        last = t;
      }
      BigDecimal price = Decimals.toBigDecimal(t.price());
      BigDecimal size = Decimals.toBigDecimal(t.size());
      high = high == null || price.compareTo(high) > 0 ? price : high;
      low = low == null || price.compareTo(low) < 0 ? price : low;
      volume = volume.add(size);
      notional = notional.add(price.multiply(size));
    }
    return new Expected(parts[0], parts[1], Long.parseLong(parts[2]), Long.parseLong(parts[3]),
        first.priceValue(), high.doubleValue(), low.doubleValue(), last.priceValue(), volume,
        notional.divide(volume, MathContext.DECIMAL64), list.size(), end);
  }
}
