package io.tickwire.config;

import io.tickwire.codecs.BookSnapshot;
import io.tickwire.codecs.SpotMid;
import io.tickwire.codecs.Intervals;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * One rolling feature ({@code features.windows[i]}): {@code horizonMillis} for windowed kinds, {@code period} (bars)
 * for rsi, the other 0.
 */
public record FeatureWindow(String name, String kind, long horizonMillis, int period) {
  /** The feature kinds tickwire computes. */
  public static final List<String> KINDS = List.of("vwap", "return", "log_return", "volatility", "rsi",
      "momentum", "skew", "kurtosis", "volume", "trades");

  /** The window {@code raw}, found under {@code key} (which errors name). */
  static FeatureWindow from(Object raw, String key) {
    if (!(raw instanceof JsonObject w)) {
      throw ConfigReader.invalid(key, raw, "{name, kind, horizon} or {name, kind: rsi, period}");
    }
    ConfigReader r = new ConfigReader(w);
    String name = name(r, key);
    String kind = r.oneOf("kind", KINDS.toArray(new String[0]));
    if (kind.equals("rsi")) {
      return new FeatureWindow(name, kind, 0, (int) r.integer("period", 2, 10_000));
    }
    try {
      return new FeatureWindow(name, kind, Intervals.parse(r.string("horizon")), 0);
    } catch (ConfigException | IllegalArgumentException e) {
      throw ConfigReader.invalid(key + ".horizon", w.getValue("horizon"), "an interval such as 30s, 1m, 5m");
    }
  }

  /** Rule conditions name features, so a name must be an identifier and not clash with a book feature's. */
  private static String name(ConfigReader r, String key) {
    String name = r.string("name");
    if (!name.matches("[a-z_][a-z0-9_]*")) {
      throw ConfigReader.invalid(key + ".name", name, "a lowercase identifier usable in rule conditions");
    }
    if (BookSnapshot.FEATURE_NAMES.contains(name)) {
      throw ConfigReader.invalid(key + ".name", name, "a name other than the order-book features "
          + BookSnapshot.FEATURE_NAMES + ", which snapshots carry already");
    }
    if (SpotMid.FEATURE_NAMES.contains(name)) {
      throw ConfigReader.invalid(key + ".name", name, "a name other than the spot-mid features "
          + SpotMid.FEATURE_NAMES + ", which snapshots of the derived.spot_mid assets carry already");
    }
    return name;
  }
}
