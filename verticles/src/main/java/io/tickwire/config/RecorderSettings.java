package io.tickwire.config;

import static io.tickwire.config.ConfigReader.HOUR_MS;

import io.tickwire.codecs.AnomalyTypes;
import java.util.List;

/**
 * The flight recorder ({@code recorder.*}): the last {@code windowMs} of events (by event time) in memory, at most
 * {@code maxEvents} and about {@code maxBytes}; an anomaly of a {@code triggerTypes} type starts an incident bundle
 * of {@code beforeEvents} + {@code afterEvents} events, at most one per {@code cooldownMs} of event time, written
 * under {@code dir} (relative to the data dir unless absolute) once the events after are in or
 * {@code afterTimeoutMs} of wall time has passed.
 */
public record RecorderSettings(boolean enabled, long windowMs, int maxEvents, long maxBytes, int beforeEvents,
    int afterEvents, long afterTimeoutMs, long cooldownMs, List<String> triggerTypes, String dir) {

  static RecorderSettings from(ConfigReader r) {
    return new RecorderSettings(r.bool("recorder.enabled"), r.integer("recorder.window_ms", 1_000, 24 * HOUR_MS),
        (int) r.integer("recorder.max_events", 1, 50_000_000), r.integer("recorder.max_bytes", 1 << 16, 16L << 30),
        (int) r.integer("recorder.before_events", 0, 1_000_000), (int) r.integer("recorder.after_events", 0, 1_000_000),
        r.integer("recorder.after_timeout_ms", 1, 24 * HOUR_MS), r.integer("recorder.cooldown_ms", 0, 24 * HOUR_MS),
        triggerTypes(r, "recorder.trigger_types"), r.string("recorder.dir"));
  }

  private static List<String> triggerTypes(ConfigReader r, String key) {
    List<String> types = r.distinctStringList(key);
    for (String type : types) {
      if (!AnomalyTypes.ALL.contains(type)) {
        throw ConfigReader.invalid(key, type, "anomaly types among " + AnomalyTypes.ALL);
      }
      if (AnomalyTypes.AFTER_ROUTER.contains(type)) {
        throw ConfigReader.invalid(key, type, "a type the router detects: the flight recorder runs in the router and"
            + " never sees " + AnomalyTypes.AFTER_ROUTER);
      }
    }
    return types;
  }
}
