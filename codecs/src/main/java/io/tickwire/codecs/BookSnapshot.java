package io.tickwire.codecs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The top of one (venue, symbol) order book at the instant {@code ts}: the best {@code bids} (highest first) and
 * {@code asks} (lowest first), exact decimals, and what is derived from the whole book at that instant. A derived
 * value the book cannot give (a side is empty) is NaN. The lists are immutable copies.
 *
 * <p>The derived values are also features (rules use them by the names below), so their names are defined here
 * once: the v1 JSON keys, the feature snapshot keys and the rule variables are the same strings.
 */
public record BookSnapshot(
    String venue,
    String symbol,
    long ts,
    List<BookLevel> bids,
    List<BookLevel> asks,
    double mid,
    double spreadBps,
    double imbalance5,
    double microprice) {

  public static final String MID = "mid";
  public static final String SPREAD_BPS = "spread_bps";
  /** Top-5 levels per side: (bid size - ask size) / (bid size + ask size). */
  public static final String IMBALANCE_5 = "imbalance_5";
  public static final String MICROPRICE = "microprice";
  /** Book levels per side that {@link #IMBALANCE_5} sums. */
  public static final int IMBALANCE_LEVELS = 5;
  /** The derived values' names, as features and rule variables. */
  public static final List<String> FEATURE_NAMES = List.of(SPREAD_BPS, IMBALANCE_5, MICROPRICE, MID);

  public BookSnapshot {
    Objects.requireNonNull(venue, "venue");
    Objects.requireNonNull(symbol, "symbol");
    bids = sided(bids, Side.BUY, "bids");
    asks = sided(asks, Side.SELL, "asks");
  }

  /** A bid in the asks would be misread by every consumer that takes the list's side for granted. */
  private static List<BookLevel> sided(List<BookLevel> levels, Side side, String name) {
    for (BookLevel level : levels) {
      if (level.side() != side) {
        throw new IllegalArgumentException(name + " holds a " + level.side().wire() + " level");
      }
    }
    return List.copyOf(levels);
  }

  /** The derived values by feature name, leaving out those the book could not give (NaN), never 0 for them. */
  public Map<String, Double> features() {
    Map<String, Double> out = new LinkedHashMap<>(8);
    putFinite(out, SPREAD_BPS, spreadBps);
    putFinite(out, IMBALANCE_5, imbalance5);
    putFinite(out, MICROPRICE, microprice);
    putFinite(out, MID, mid);
    return out;
  }

  private static void putFinite(Map<String, Double> out, String name, double value) {
    if (Double.isFinite(value)) {
      out.put(name, value);
    }
  }
}
