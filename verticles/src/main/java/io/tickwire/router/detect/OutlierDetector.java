package io.tickwire.router.detect;

import io.tickwire.codecs.Anomaly;
import io.tickwire.codecs.AnomalyTypes;
import io.tickwire.codecs.Trade;
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
 * Memory: one ring of {@code window} doubles per symbol, kept in its {@link SymbolState}; each refresh selects two
 * medians from a copy, linear in the window.
 */
public final class OutlierDetector {
  public static final double MIN_MAD_FRACTION = 1e-4;

  private final double k;
  private final int window;
  private final double[] scratch;
  private final int refreshEvery;

  public OutlierDetector(double k, int window) {
    if (!(k > 0)) {
      throw new IllegalArgumentException("k must be positive: " + k);
    }
    if (window < 3) {
      throw new IllegalArgumentException("window must be at least 3: " + window);
    }
    this.k = k;
    this.window = window;
    this.scratch = new double[window];
    this.refreshEvery = Math.max(1, window / 8);
  }

  /** True (and one anomaly added to {@code out}) when the trade's price is an outlier against the window before it. */
  public boolean isOutlier(Trade trade, SymbolState state, List<Anomaly> out) {
    double price = trade.priceValue();
    if (!Double.isFinite(price)) {
      return false;
    }
    if (state.prices == null) {
      state.prices = new PriceWindow(window);
    }
    PriceWindow ring = state.prices;
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
  private void refresh(PriceWindow ring) {
    System.arraycopy(ring.prices, 0, scratch, 0, window);
    double median = Medians.of(scratch, window);
    for (int i = 0; i < window; i++) {
      scratch[i] = Math.abs(scratch[i] - median);
    }
    ring.median = median;
    ring.mad = Math.max(Medians.of(scratch, window), Math.max(Math.abs(median) * MIN_MAD_FRACTION, Double.MIN_NORMAL));
  }
}
