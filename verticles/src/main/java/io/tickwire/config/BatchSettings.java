package io.tickwire.config;

import static io.tickwire.config.ConfigReader.HOUR_MS;

import io.tickwire.codecs.Intervals;

/**
 * The batch jobs that run beside the stream on persist nodes: the Parquet archive and the periodic
 * reconciliation. Both only touch event time that is final, i.e. older than the newest stored bar by more than the
 * batcher's allowed lateness, its revision horizon and {@code graceMs} (see
 * {@link io.tickwire.jobs.schedule.ClosedClock}).
 *
 * <p>{@code archiveDir} is relative to {@code data_dir} unless absolute; {@code archiveChunkMillis} is the event
 * time one export covers (it divides a day, so a chunk never straddles two date partitions).
 */
public record BatchSettings(long graceMs, long everyMs, boolean archiveEnabled, String archiveDir,
    long archiveChunkMillis, int archiveMaxChunksPerRun, int archiveMemoryMb, boolean reconcileEnabled,
    double reconcileThreshold, int reconcileSamples) {

  static BatchSettings from(ConfigReader r) {
    return new BatchSettings(
        r.integer("batch.grace_ms", 0, HOUR_MS),
        r.integer("batch.every_ms", 100, HOUR_MS),
        r.bool("archive.enabled"),
        r.string("archive.dir"),
        chunk(r, "archive.chunk"),
        (int) r.integer("archive.max_chunks_per_run", 1, 10_000),
        (int) r.integer("archive.duckdb_memory_mb", 16, 1 << 20),
        r.bool("reconcile.enabled"),
        r.number("reconcile.threshold", 0.0, 1.0),
        (int) r.integer("reconcile.samples", 0, 10_000));
  }

  private static long chunk(ConfigReader r, String key) {
    Object raw = r.raw(key);
    long millis;
    try {
      millis = Intervals.parse(String.valueOf(raw));
    } catch (IllegalArgumentException e) {
      throw ConfigReader.invalid(key, raw, "an interval such as 1m, 10m, 1h (" + e.getMessage() + ")");
    }
    if (millis < 1000 || 86_400_000L % millis != 0) {
      throw ConfigReader.invalid(key, raw, "an interval of at least 1s that divides a day evenly, so a chunk never"
          + " straddles two date partitions");
    }
    return millis;
  }
}
