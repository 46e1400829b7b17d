package io.tickwire.config;

import io.tickwire.codecs.Intervals;
import io.vertx.core.json.JsonArray;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Features ({@code features.*}) computed on each close of {@code baseIntervalMillis} bars. */
public record FeatureSettings(long baseIntervalMillis, List<FeatureWindow> windows) {

  /** @param barIntervals the batchers' intervals, ascending: the base interval must be one of them */
  static FeatureSettings from(ConfigReader r, long[] barIntervals) {
    long base = Intervals.parse(r.string("features.base_interval"));
    if (Arrays.stream(barIntervals).noneMatch(b -> b == base)) {
      throw ConfigReader.invalid("features.base_interval", r.raw("features.base_interval"),
          "one of batcher.intervals");
    }
    return new FeatureSettings(base, windows(r, "features.windows"));
  }

  private static List<FeatureWindow> windows(ConfigReader r, String key) {
    Object raw = r.raw(key);
    if (!(raw instanceof JsonArray array) || array.isEmpty()) {
      throw ConfigReader.invalid(key, raw, "a non-empty list of {name, kind, horizon|period}");
    }
    List<FeatureWindow> windows = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      windows.add(FeatureWindow.from(array.getValue(i), key + "[" + i + "]"));
    }
    ConfigReader.distinct(key, windows.stream().map(FeatureWindow::name).toList());
    return List.copyOf(windows);
  }
}
