package io.tickwire.config;

import static io.tickwire.config.ConfigReader.HOUR_MS;

/**
 * Anomaly detection in the router ({@code detect.*}). {@code staleAfterMs}: silence on a symbol that makes it a
 * stale feed.
 */
public record DetectSettings(int duplicateCapacity, long latencyThresholdMs, int latencyWindow, double outlierK,
    int outlierWindow, int anomalySamplesPerSec, long staleAfterMs) {

  static DetectSettings from(ConfigReader r) {
    return new DetectSettings((int) r.integer("detect.duplicate_capacity", 1, 10_000_000),
        r.integer("detect.latency_threshold_ms", 1, HOUR_MS), (int) r.integer("detect.latency_window", 10, 1_000_000),
        r.number("detect.outlier_k", 1.0, 1000.0), (int) r.integer("detect.outlier_window", 3, 10_000),
        (int) r.integer("detect.anomaly_samples_per_sec", 0, 100_000),
        r.integer("detect.stale_after_ms", 100, 24 * HOUR_MS));
  }
}
