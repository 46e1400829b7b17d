package io.tickwire.book;

import io.tickwire.codecs.BookLevel;
import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.Side;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One L2 order book for a (venue, symbol), keyed by exact price.
 *
 * <p>Prices and sizes are {@link Decimals} packed longs. Keys are compared numerically
 * ({@link Decimals#compare}), so {@code "1.5"} and {@code "1.50"} are the same level; the stored key and size keep
 * the text as last received (scale preserved), because venue checksums (Kraken) are computed over that text.
 * Bids ({@link Side#BUY}) iterate from the highest price down, asks ({@link Side#SELL}) from the lowest up.
 *
 * <p>Not thread-safe: one book is owned by one connector (one event loop).
 */
public final class OrderBook {
  /** Returned by {@link #bestBid()} / {@link #bestAsk()} and friends when that side is empty. */
  public static final long NONE = Long.MIN_VALUE;

  private static final Comparator<Long> ASCENDING = Decimals::compare;
  private static final Comparator<Long> DESCENDING = (a, b) -> Decimals.compare(b, a);

  private final String venue;
  private final String symbol;
  private final TreeMap<Long, Long> bids = new TreeMap<>(DESCENDING);
  private final TreeMap<Long, Long> asks = new TreeMap<>(ASCENDING);

  public OrderBook(String venue, String symbol) {
    this.venue = Objects.requireNonNull(venue, "venue");
    this.symbol = Objects.requireNonNull(symbol, "symbol");
  }

  public String venue() {
    return venue;
  }

  public String symbol() {
    return symbol;
  }

  /**
   * Sets the size at {@code price} on {@code side}; a size of zero (any scale) deletes the level. A level whose
   * price text changed scale is re-keyed so the stored price is the latest text received.
   */
  public void apply(Side side, long price, long size) {
    TreeMap<Long, Long> levels = levels(side);
    if (Decimals.unscaled(size) == 0) {
      levels.remove(price);
      return;
    }
    if (Decimals.unscaled(size) < 0) {
      throw new IllegalArgumentException("negative size " + Decimals.toString(size) + " at "
          + Decimals.toString(price) + " in " + venue + " " + symbol);
    }
    Map.Entry<Long, Long> existing = levels.ceilingEntry(price);
    if (existing != null && existing.getKey() != price && Decimals.compare(existing.getKey(), price) == 0) {
      levels.remove(price);
    }
    levels.put(price, size);
  }

  public void apply(BookLevel level) {
    apply(level.side(), level.price(), level.size());
  }

  public void clear() {
    bids.clear();
    asks.clear();
  }

  public boolean isEmpty(Side side) {
    return levels(side).isEmpty();
  }

  public int depth(Side side) {
    return levels(side).size();
  }

  /** Best (highest) bid price, or {@link #NONE}. */
  public long bestBid() {
    return bids.isEmpty() ? NONE : bids.firstKey();
  }

  /** Best (lowest) ask price, or {@link #NONE}. */
  public long bestAsk() {
    return asks.isEmpty() ? NONE : asks.firstKey();
  }

  /** Size at the best bid, or {@link #NONE}. */
  public long bestBidSize() {
    return bids.isEmpty() ? NONE : bids.firstEntry().getValue();
  }

  /** Size at the best ask, or {@link #NONE}. */
  public long bestAskSize() {
    return asks.isEmpty() ? NONE : asks.firstEntry().getValue();
  }

  /** Size at exactly {@code price} on {@code side}, or {@link #NONE} when there is no such level. */
  public long sizeAt(Side side, long price) {
    Long size = levels(side).get(price);
    return size == null ? NONE : size;
  }

  /** Best ask minus best bid; NaN when either side is empty. */
  public double spread() {
    if (bids.isEmpty() || asks.isEmpty()) {
      return Double.NaN;
    }
    return Decimals.toBigDecimal(asks.firstKey()).subtract(Decimals.toBigDecimal(bids.firstKey())).doubleValue();
  }

  /** (best bid + best ask) / 2; NaN when either side is empty. */
  public double mid() {
    if (bids.isEmpty() || asks.isEmpty()) {
      return Double.NaN;
    }
    return (Decimals.toDouble(bids.firstKey()) + Decimals.toDouble(asks.firstKey())) / 2;
  }

  /** Spread in basis points of the mid; NaN when either side is empty. */
  public double spreadBps() {
    double mid = mid();
    return Double.isNaN(mid) || mid == 0 ? Double.NaN : spread() / mid * 10_000;
  }

  /**
   * (bid volume - ask volume) / (bid volume + ask volume) over the top {@code n} levels of each side, in [-1, 1];
   * NaN when both are empty.
   */
  public double imbalance(int n) {
    double bidVol = volume(bids, n);
    double askVol = volume(asks, n);
    double total = bidVol + askVol;
    return total == 0 ? Double.NaN : (bidVol - askVol) / total;
  }

  /**
   * Size-weighted mid of the top of book: (bid * askSize + ask * bidSize) / (bidSize + askSize); it leans towards
   * the side with less size. NaN when either side is empty.
   */
  public double microprice() {
    if (bids.isEmpty() || asks.isEmpty()) {
      return Double.NaN;
    }
    Map.Entry<Long, Long> bid = bids.firstEntry();
    Map.Entry<Long, Long> ask = asks.firstEntry();
    double bidSize = Decimals.toDouble(bid.getValue());
    double askSize = Decimals.toDouble(ask.getValue());
    return (Decimals.toDouble(bid.getKey()) * askSize + Decimals.toDouble(ask.getKey()) * bidSize)
        / (bidSize + askSize);
  }

  /** True when both sides are present and best bid &gt;= best ask (an anomaly for a consolidated L2 book). */
  public boolean crossed() {
    return !bids.isEmpty() && !asks.isEmpty() && Decimals.compare(bids.firstKey(), asks.firstKey()) >= 0;
  }

  /** Keeps only the best {@code depth} levels of each side. */
  public void truncate(int depth) {
    if (depth < 0) {
      throw new IllegalArgumentException("depth " + depth + " is negative");
    }
    truncate(bids, depth);
    truncate(asks, depth);
  }

  /** The best {@code n} levels of {@code side}, best first (bids high to low, asks low to high). */
  public List<BookLevel> topLevels(Side side, int n) {
    TreeMap<Long, Long> levels = levels(side);
    List<BookLevel> out = new ArrayList<>(Math.min(n, levels.size()));
    for (Map.Entry<Long, Long> e : levels.entrySet()) {
      if (out.size() >= n) {
        break;
      }
      out.add(new BookLevel(side, e.getKey(), e.getValue()));
    }
    return out;
  }

  /** A read-only view of one side, best first; keys are prices, values sizes (packed decimals). */
  public NavigableMap<Long, Long> side(Side side) {
    return Collections.unmodifiableNavigableMap(levels(side));
  }

  private TreeMap<Long, Long> levels(Side side) {
    return side == Side.BUY ? bids : asks;
  }

  private static double volume(TreeMap<Long, Long> levels, int n) {
    double sum = 0;
    int i = 0;
    for (Long size : levels.values()) {
      if (i++ >= n) {
        break;
      }
      sum += Decimals.toDouble(size);
    }
    return sum;
  }

  private static void truncate(TreeMap<Long, Long> levels, int depth) {
    if (levels.size() <= depth) {
      return;
    }
    Iterator<Long> it = levels.navigableKeySet().iterator();
    for (int i = 0; i < depth; i++) {
      it.next();
    }
    while (it.hasNext()) {
      it.next();
      it.remove();
    }
  }

  @Override
  public String toString() {
    return "OrderBook[" + venue + " " + symbol + " bids=" + bids.size() + " asks=" + asks.size()
        + (bids.isEmpty() ? "" : " bid=" + Decimals.toString(bids.firstKey()))
        + (asks.isEmpty() ? "" : " ask=" + Decimals.toString(asks.firstKey())) + "]";
  }
}
