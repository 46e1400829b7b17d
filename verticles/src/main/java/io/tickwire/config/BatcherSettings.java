package io.tickwire.config;

import static io.tickwire.config.ConfigReader.HOUR_MS;

import java.util.Locale;

/**
 * Windowing in the batchers ({@code batcher.*}). {@code intervalsMillis} is sorted ascending and free of
 * duplicates.
 */
public record BatcherSettings(long[] intervalsMillis, long allowedLatenessMs, long idleTimeoutMs,
    LatePolicy latePolicy, long revisionHorizonMs, int instances) {

  /** What happens to an event whose window has already closed. */
  public enum LatePolicy {
    REVISE, DROP
  }

  static BatcherSettings from(ConfigReader r) {
    return new BatcherSettings(
        intervals(r),
        r.integer("batcher.allowed_lateness_ms", 0, HOUR_MS),
        r.integer("batcher.idle_timeout_ms", 1, HOUR_MS),
        LatePolicy.valueOf(r.oneOf("batcher.late_policy", "revise", "drop").toUpperCase(Locale.ROOT)),
        r.integer("batcher.revision_horizon_ms", 0, 24 * HOUR_MS),
        (int) r.integer("batcher.instances", 1, 256));
  }

  /** The bar intervals in milliseconds, ascending: also what the features section checks its base interval against. */
  static long[] intervals(ConfigReader r) {
    return WindowIntervals.list(r, "batcher.intervals");
  }
}
