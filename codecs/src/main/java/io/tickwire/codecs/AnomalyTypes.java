package io.tickwire.codecs;

import java.util.List;

/**
 * The {@code type} strings the detectors put on {@link Anomaly}; one place so the router,
 * the metrics label {@code tickwire_anomalies_total{type}} and the replay summary keys cannot drift apart.
 */
public final class AnomalyTypes {
  public static final String DUPLICATE = "duplicate";
  public static final String OUT_OF_ORDER = "out_of_order";
  public static final String SEQUENCE_GAP = "sequence_gap";
  public static final String LATENCY_SPIKE = "latency_spike";
  public static final String OUTLIER_PRICE = "outlier_price";
  public static final String SCHEMA_DRIFT = "schema_drift";
  public static final String STALE_FEED = "stale_feed";
  /** An event stamped too far ahead of the node's clock, refused at the router. */
  public static final String CLOCK_SKEW = "clock_skew";
  /** An order book whose best bid reached its best ask after an update (found by the batcher that keeps it). */
  public static final String CROSSED_BOOK = "crossed_book";

  /**
   * A stored real-time bar that differs from the bar recomputed from the stored trades by more than
   * {@code reconcile.threshold} (found by the periodic reconciliation on a persist node).
   */
  public static final String BAR_DRIFT = "bar_drift";

  /** Every type, in the order summaries list them. */
  public static final List<String> ALL = List.of(SCHEMA_DRIFT, DUPLICATE, OUT_OF_ORDER, SEQUENCE_GAP, LATENCY_SPIKE,
      OUTLIER_PRICE, STALE_FEED, CLOCK_SKEW, CROSSED_BOOK, BAR_DRIFT);

  /** Types found downstream of the router, so the router's flight recorder never sees them. */
  public static final List<String> AFTER_ROUTER = List.of(CROSSED_BOOK, BAR_DRIFT);

  private AnomalyTypes() {
  }
}
