package io.tickwire.router.detect;

import java.util.List;

/**
 * The {@code type} strings the detectors put on {@link io.tickwire.codecs.Anomaly}; one place so the router,
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

  /** Every type, in the order summaries list them. */
  public static final List<String> ALL = List.of(SCHEMA_DRIFT, DUPLICATE, OUT_OF_ORDER, SEQUENCE_GAP, LATENCY_SPIKE,
      OUTLIER_PRICE, STALE_FEED);

  private AnomalyTypes() {
  }
}
