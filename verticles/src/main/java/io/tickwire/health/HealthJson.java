package io.tickwire.health;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/** The JSON of a health snapshot, the same for {@code GET /health} and the dashboard's health stream. */
public final class HealthJson {
  private HealthJson() {
  }

  public static JsonObject of(HealthRegistry.Snapshot snapshot) {
    JsonArray components = new JsonArray();
    for (ComponentHealth c : snapshot.components()) {
      components.add(of(c));
    }
    return new JsonObject().put("status", snapshot.status().wire()).put("components", components);
  }

  private static JsonObject of(ComponentHealth c) {
    JsonObject gauges = new JsonObject();
    for (Map.Entry<String, Number> g : c.gauges().entrySet()) {
      gauges.put(g.getKey(), finiteOrNull(g.getValue()));
    }
    return new JsonObject().put("name", c.name()).put("status", c.status().wire()).put("detail", c.detail())
        .put("gauges", gauges);
  }

  /** JSON has no NaN or infinity; writing them would make the whole health document unparseable. */
  private static Number finiteOrNull(Number value) {
    if (value instanceof Double || value instanceof Float) {
      return Double.isFinite(value.doubleValue()) ? value : null;
    }
    return value;
  }
}
