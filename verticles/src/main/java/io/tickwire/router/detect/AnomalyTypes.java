package io.tickwire.router.detect;

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

  private AnomalyTypes() {
  }
}
