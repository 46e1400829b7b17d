package io.tickwire.testing;

import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.Trade;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tick, volume and dollar bars computed independently of the batcher, with BigDecimal: each symbol's trades sorted by
 * event time then numeric trade id, a bar closed by the trade that brings its count, volume or notional to the
 * threshold, the next starting from zero.
 */
public final class ReferenceInfoBars {
  /** One expected bar; volume and notional exact. */
  public record Expected(String symbol, long start, long end, double open, double high, double low, double close,
      BigDecimal volume, BigDecimal notional, long trades) {
  }

  private ReferenceInfoBars() {
  }

  /** Bars of {@code kind} ("tick", "volume" or "dollar") with {@code threshold}, per symbol in {@code symbols}. */
  public static Map<String, List<Expected>> compute(List<Trade> trades, String kind, BigDecimal threshold,
      List<String> symbols) {
    List<Trade> sorted = new ArrayList<>(trades);
    sorted.sort(Comparator.comparingLong(Trade::eventTime).thenComparing(t -> new BigInteger(t.tradeId())));
    Map<String, List<Expected>> out = new LinkedHashMap<>();
    for (String symbol : symbols) {
      List<Expected> bars = new ArrayList<>();
      List<Trade> current = new ArrayList<>();
      BigDecimal volume = BigDecimal.ZERO;
      BigDecimal notional = BigDecimal.ZERO;
      for (Trade t : sorted) {
        if (!t.symbol().equals(symbol)) {
          continue;
        }
        BigDecimal price = Decimals.toBigDecimal(t.price());
        BigDecimal size = Decimals.toBigDecimal(t.size());
        current.add(t);
        volume = volume.add(size);
        notional = notional.add(price.multiply(size));
        BigDecimal measure = switch (kind) {
          case "tick" -> BigDecimal.valueOf(current.size());
          case "volume" -> volume;
          case "dollar" -> notional;
          default -> throw new IllegalArgumentException(kind);
        };
        if (measure.compareTo(threshold) >= 0) {
          bars.add(bar(symbol, current, volume, notional));
          current = new ArrayList<>();
          volume = BigDecimal.ZERO;
          notional = BigDecimal.ZERO;
        }
      }
      out.put(symbol, bars);
    }
    return out;
  }

  private static Expected bar(String symbol, List<Trade> trades, BigDecimal volume, BigDecimal notional) {
    BigDecimal high = null;
    BigDecimal low = null;
    for (Trade t : trades) {
      BigDecimal p = Decimals.toBigDecimal(t.price());
      high = high == null || p.compareTo(high) > 0 ? p : high;
      low = low == null || p.compareTo(low) < 0 ? p : low;
    }
    Trade first = trades.get(0);
    Trade last = trades.get(trades.size() - 1);
    return new Expected(symbol, first.eventTime(), last.eventTime(), first.priceValue(), high.doubleValue(),
        low.doubleValue(), last.priceValue(), volume, notional, trades.size());
  }
}
