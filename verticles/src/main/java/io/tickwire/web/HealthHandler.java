package io.tickwire.web;

import io.tickwire.health.ComponentHealth;
import io.tickwire.health.HealthRegistry;
import io.tickwire.health.Status;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/**
 * {@code GET /health}: every component's latest report and the overall status. Anything but OK answers 503, so a
 * load balancer or orchestrator probing the status code alone sees a degraded node.
 */
final class HealthHandler implements Handler<RoutingContext> {
  private final HealthRegistry health;

  HealthHandler(HealthRegistry health) {
    this.health = health;
  }

  @Override
  public void handle(RoutingContext ctx) {
    HealthRegistry.Snapshot snapshot = health.snapshot();
    Responses.json(ctx, snapshot.status() == Status.OK ? 200 : 503, toJson(snapshot));
  }

  static JsonObject toJson(HealthRegistry.Snapshot snapshot) {
    JsonArray components = new JsonArray();
    for (ComponentHealth c : snapshot.components()) {
      components.add(toJson(c));
    }
    return new JsonObject().put("status", snapshot.status().wire()).put("components", components);
  }

  private static JsonObject toJson(ComponentHealth c) {
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
