package io.tickwire.config;

import static io.tickwire.config.ConfigReader.HOUR_MS;

/**
 * The order books the batchers keep per (venue, symbol) ({@code books.*}): at most {@code maxLevels} per side
 * (deeper ones are cut), a snapshot of the top {@code snapshotDepth} levels every {@code snapshotIntervalMillis} of
 * event time (aligned to the epoch), and the oldest a snapshot may be, in event time, for its values to join a
 * feature snapshot.
 */
public record BookSettings(int maxLevels, long snapshotIntervalMillis, int snapshotDepth, long featureMaxAgeMs) {

  static BookSettings from(ConfigReader r) {
    int maxLevels = (int) r.integer("books.max_levels", 1, 100_000);
    long interval = WindowIntervals.one(r, "books.snapshot_interval");
    int depth = (int) r.integer("books.snapshot_depth", 1, 1_000);
    if (depth > maxLevels) {
      throw ConfigReader.invalid("books.snapshot_depth", depth, "at most books.max_levels (" + maxLevels + ")");
    }
    long maxAge = r.integer("books.feature_max_age_ms", 1, 24 * HOUR_MS);
    if (maxAge < interval) {
      throw ConfigReader.invalid("books.feature_max_age_ms", maxAge, "at least books.snapshot_interval (" + interval
          + " ms): a snapshot is that old before the next one is due");
    }
    return new BookSettings(maxLevels, interval, depth, maxAge);
  }
}
