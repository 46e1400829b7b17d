package io.tickwire.recorder;

import io.tickwire.codecs.Anomaly;
import io.tickwire.codecs.IsoTime;
import io.vertx.core.json.JsonObject;

/**
 * What {@code md.incidents} carries when a bundle is on disk: enough to list the incident and link to its report
 * ({@code /api/incidents/{id}}), not the bundle itself. {@code ts} is the trigger's event time, ISO-8601 UTC like
 * every v1 time.
 */
public final class IncidentNotice {
  private IncidentNotice() {
  }

  public static JsonObject of(Incident incident) {
    Anomaly trigger = incident.trigger();
    return new JsonObject()
        .put("id", incident.id())
        .put("type", trigger.type())
        .put("venue", trigger.venue())
        .put("symbol", trigger.symbol())
        .put("ts", IsoTime.format(trigger.ts()));
  }
}
