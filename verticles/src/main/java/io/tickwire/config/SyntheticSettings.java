package io.tickwire.config;

import static io.tickwire.config.ConfigReader.HOUR_MS;

import io.tickwire.codecs.IsoTime;
import java.util.List;

/**
 * The synthetic feed ({@code synthetic.*}). {@code rate} 0 means as fast as the pipeline takes events; {@code count}
 * -1 means unbounded; {@code startTime} -1 means the wall clock at start. {@code wallClock}: event times are
 * generation times rather than simulated.
 */
public record SyntheticSettings(boolean enabled, String venue, List<String> symbols, long seed, long rate,
    long count, int batchSize, double volatility, long jitterMs, long startTime, boolean wallClock) {

  public boolean unbounded() {
    return count < 0;
  }

  public boolean maxRate() {
    return rate == 0;
  }

  static SyntheticSettings from(ConfigReader r) {
    return new SyntheticSettings(
        r.bool("synthetic.enabled"),
        r.string("synthetic.venue"),
        r.distinctStringList("synthetic.symbols"),
        r.integer("synthetic.seed", Long.MIN_VALUE, Long.MAX_VALUE),
        rate(r),
        r.isNull("synthetic.count") ? -1 : r.integer("synthetic.count", 0, Long.MAX_VALUE),
        (int) r.integer("synthetic.batch_size", 1, 65_536),
        r.number("synthetic.volatility", 0.0, 100.0),
        r.integer("synthetic.jitter_ms", 0, HOUR_MS),
        r.isNull("synthetic.start_time") ? -1 : timestamp(r, "synthetic.start_time"),
        r.oneOf("synthetic.clock", "simulated", "wall").equals("wall"));
  }

  private static long rate(ConfigReader r) {
    if ("max".equals(r.raw("synthetic.rate"))) {
      return 0;
    }
    try {
      return r.integer("synthetic.rate", 1, 100_000_000L);
    } catch (ConfigException e) {
      throw ConfigReader.invalid("synthetic.rate", r.raw("synthetic.rate"), "max or events per second from 1 to "
          + "100000000");
    }
  }

  private static long timestamp(ConfigReader r, String key) {
    Object value = r.raw(key);
    try {
      return IsoTime.parse(String.valueOf(value));
    } catch (RuntimeException e) {
      throw ConfigReader.invalid(key, value, "an ISO-8601 timestamp with a zone, e.g. 2024-05-01T00:00:00Z");
    }
  }
}
