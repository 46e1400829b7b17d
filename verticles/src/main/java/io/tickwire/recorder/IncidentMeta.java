package io.tickwire.recorder;

import io.tickwire.codecs.Anomaly;
import io.tickwire.codecs.IsoTime;
import io.tickwire.codecs.V1Json;
import io.tickwire.config.RecorderSettings;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.OptionalInt;

/**
 * meta.json: what a list of incidents or an API client needs without reading the events. Times are ISO-8601 UTC
 * with microseconds: {@code created} (bundle written) and {@code triggered} (capture started) are wall clock, the
 * others event time. The trigger and evidence are the anomalies' v1 JSON objects; {@code trigger_index} is the
 * 1-based line of the trigger's event in events.jsonl, or null when no recorded event is the trigger's.
 */
final class IncidentMeta {
  private IncidentMeta() {
  }

  static JsonObject of(Incident incident, long createdMicros) {
    OptionalInt triggerLine = incident.triggerLine();
    return new JsonObject()
        .put("id", incident.id())
        .put("created", IsoTime.format(createdMicros))
        .put("triggered", IsoTime.format(incident.triggeredMillis() * 1000))
        .put("trigger", anomaly(incident.trigger()))
        .put("trigger_index", triggerLine.isPresent() ? triggerLine.getAsInt() : null)
        .put("events_before", incident.before().size())
        .put("events_after", incident.after().size())
        .put("completed_by", incident.completion().wire())
        .put("anomaly_counts", new JsonObject(new LinkedHashMap<String, Object>(incident.anomalyCounts())))
        .put("first_event_time", IsoTime.format(incident.firstEventTime()))
        .put("last_event_time", IsoTime.format(incident.lastEventTime()))
        .put("venues", array(incident.venues()))
        .put("symbols", array(incident.symbols()))
        .put("evidence", evidence(incident))
        .put("config", config(incident.settings()));
  }

  private static JsonObject anomaly(Anomaly anomaly) {
    return new JsonObject(V1Json.toJson(anomaly));
  }

  private static JsonArray evidence(Incident incident) {
    JsonArray samples = new JsonArray();
    incident.evidence().forEach(a -> samples.add(anomaly(a)));
    return samples;
  }

  private static JsonArray array(Collection<String> values) {
    return new JsonArray(List.copyOf(values));
  }

  /** The settings under the same keys as the {@code recorder:} section of tickwire.yaml. */
  private static JsonObject config(RecorderSettings settings) {
    return new JsonObject()
        .put("enabled", settings.enabled())
        .put("window_ms", settings.windowMs())
        .put("max_events", settings.maxEvents())
        .put("max_bytes", settings.maxBytes())
        .put("before_events", settings.beforeEvents())
        .put("after_events", settings.afterEvents())
        .put("after_timeout_ms", settings.afterTimeoutMs())
        .put("cooldown_ms", settings.cooldownMs())
        .put("trigger_types", new JsonArray(List.copyOf(settings.triggerTypes())))
        .put("dir", settings.dir());
  }
}
