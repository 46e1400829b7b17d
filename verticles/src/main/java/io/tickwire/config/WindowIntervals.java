package io.tickwire.config;

import io.tickwire.codecs.Intervals;
import java.util.Arrays;
import java.util.List;

/**
 * Interval keys whose lengths windows and snapshots align to: each must divide a day, so every window starts on a
 * multiple of its length since the epoch.
 */
final class WindowIntervals {
  private WindowIntervals() {
  }

  /** The interval under {@code key}, in milliseconds. */
  static long one(ConfigReader r, String key) {
    String label = r.string(key);
    return millis(key, label, label);
  }

  /** The list of intervals under {@code key}, in milliseconds, sorted ascending and free of duplicates. */
  static long[] list(ConfigReader r, String key) {
    List<String> labels = r.distinctStringList(key);
    long[] millis = new long[labels.size()];
    for (int i = 0; i < millis.length; i++) {
      millis[i] = millis(key, labels.get(i), labels);
    }
    Arrays.sort(millis);
    return millis;
  }

  /**
   * {@link #list}, for bar windows: besides intervals that divide a day, whole multiples of a day (2d, 7d), counted
   * in days from 1970-01-01.
   */
  static long[] barList(ConfigReader r, String key) {
    List<String> labels = r.distinctStringList(key);
    long[] millis = new long[labels.size()];
    for (int i = 0; i < millis.length; i++) {
      long m = parse(key, labels.get(i), labels);
      millis[i] = m % DAY_MS == 0 ? m : millis(key, labels.get(i), labels);
    }
    Arrays.sort(millis);
    return millis;
  }

  private static final long DAY_MS = 86_400_000L;

  /** {@code label} in milliseconds; {@code shown} is the value an error names (the whole list for a list key). */
  private static long millis(String key, String label, Object shown) {
    long millis = parse(key, label, shown);
    if (DAY_MS % millis != 0) {
      throw ConfigReader.invalid(key, shown, "intervals that divide a day evenly, so windows align to the epoch");
    }
    return millis;
  }

  private static long parse(String key, String label, Object shown) {
    long millis;
    try {
      millis = Intervals.parse(label);
    } catch (IllegalArgumentException e) {
      throw ConfigReader.invalid(key, shown, "intervals such as 1s, 10s, 1m (" + e.getMessage() + ")");
    }
    return millis;
  }
}
