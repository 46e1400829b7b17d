package io.tickwire.router.detect;

import io.tickwire.codecs.Anomaly;
import io.tickwire.codecs.AnomalyTypes;
import io.tickwire.codecs.Trade;
import io.tickwire.flow.LruMap;
import java.util.List;
import java.util.Locale;

/**
 * Flags a "fat finger" trade: a price farther than {@code k} median absolute deviations (MAD) from the median
 * of the last {@code window} trade prices of its (venue, symbol) is an {@code outlier_price}, with the deviation
 * in MADs as its measure.
 *
 * <p>Why median and MAD: unlike mean and standard deviation, one wild print cannot drag them, so the outlier
 * stands out and does not mask the next one. The MAD is floored at {@link #MIN_MAD_FRACTION} of the median so a
 * flat series (MAD 0) does not flag every one-tick move. Nothing is judged until the window is full. Every price,
 * outliers included, enters the window, so a genuine level shift stops being flagged once it is the median.
 * Memory: one ring of {@code window} doubles per key, keys bounded by LRU ({@code maxKeys}, default
 * {@link #DEFAULT_MAX_KEYS}); each refresh selects two medians from a copy, linear in the window.
 */
public final class OutlierDetector {
  public static final int DEFAULT_MAX_KEYS = 10_000;
  public static final double MIN_MAD_FRACTION = 1e-4;

  private final double k;
  private final int window;
  private final LruMap<VenueSymbol, Ring> rings;
  private final double[] scratch;
  private final int refreshEvery;

  public OutlierDetector(double k, int window) {
    this(k, window, DEFAULT_MAX_KEYS);
  }

  public OutlierDetector(double k, int window, int maxKeys) {
    if (!(k > 0)) {
      throw new IllegalArgumentException("k must be positive: " + k);
    }
    if (window < 3) {
      throw new IllegalArgumentException("window must be at least 3: " + window);
    }
    this.k = k;
    this.window = window;
    this.rings = new LruMap<>(maxKeys);
    this.scratch = new double[window];
    this.refreshEvery = Math.max(1, window / 8);
  }

  /** True (and one anomaly added to {@code out}) when the trade's price is an outlier against the window before it. */
  public boolean isOutlier(Trade trade, List<Anomaly> out) {
    double price = trade.priceValue();
    if (!Double.isFinite(price)) {
      return false;
    }
    Ring ring = rings.computeIfAbsent(new VenueSymbol(trade.venue(), trade.symbol()), key -> new Ring(window));
    boolean outlier = false;
    if (ring.count == window) {
      if (ring.sinceRefresh++ % refreshEvery == 0) {
        refresh(ring);
      }
      double median = ring.median;
      double mad = ring.mad;
      double deviations = Math.abs(price - median) / mad;
      if (deviations > k) {
        outlier = true;
        out.add(new Anomaly(trade.venue(), trade.symbol(), AnomalyTypes.OUTLIER_PRICE, trade.eventTime(),
            "price " + price + " is " + String.format(Locale.ROOT, "%.1f", deviations) + " MADs from the rolling median "
                + median + " (MAD " + mad + ", k " + k + ")",
            deviations));
      }
    }
    ring.add(price);
    return outlier;
  }

  /**
   * Median and MAD of the window. Two medians per trade would cap the router's throughput, and a fat finger is
   * many MADs out, so the statistics are refreshed every {@code window / 8} trades rather than on every one.
   */
  private void refresh(Ring ring) {
    System.arraycopy(ring.prices, 0, scratch, 0, window);
    double median = Medians.of(scratch, window);
    for (int i = 0; i < window; i++) {
      scratch[i] = Math.abs(scratch[i] - median);
    }
    ring.median = median;
    ring.mad = Math.max(Medians.of(scratch, window), Math.max(Math.abs(median) * MIN_MAD_FRACTION, Double.MIN_NORMAL));
  }

  private static final class Ring {
    final double[] prices;
    int count;
    int next;
    long sinceRefresh;
    double median;
    double mad;

    Ring(int window) {
      this.prices = new double[window];
    }

    void add(double price) {
      prices[next] = price;
      next = (next + 1) % prices.length;
      if (count < prices.length) {
        count++;
      }
    }
  }

  /** Keys dropped, least recently used first, to stay within the key cap; each starts afresh if it comes back. */
  public long evictions() {
    return rings.evictions();
  }
}
