package io.tickwire.config;

import static io.tickwire.config.ConfigReader.HOUR_MS;

/**
 * The completeness ledger on persist nodes: covered spans and holes per venue x symbol x channel, written to
 * PostgreSQL every {@code flushMs}. {@code keepSegments} recent segments a stream stay in memory for
 * {@code tickwire_coverage_ratio} (over {@code ratioWindowMs} of event time); at most {@code maxUnwritten} segments
 * wait for the database. A node that starts more than {@code notRunningAfterMs} after a node was last seen alive
 * records a {@code not_running} hole on every stored stream.
 */
public record CoverageSettings(boolean enabled, long flushMs, int keepSegments, int maxUnwritten, long ratioWindowMs,
    long notRunningAfterMs) {

  static CoverageSettings from(ConfigReader r) {
    return new CoverageSettings(
        r.bool("coverage.enabled"),
        r.integer("coverage.flush_ms", 50, HOUR_MS),
        (int) r.integer("coverage.keep_segments", 1, 100_000),
        (int) r.integer("coverage.max_unwritten", 100, 10_000_000),
        r.integer("coverage.ratio_window_ms", 1000, 24 * HOUR_MS),
        r.integer("coverage.not_running_after_ms", 1000, 24 * HOUR_MS));
  }
}
