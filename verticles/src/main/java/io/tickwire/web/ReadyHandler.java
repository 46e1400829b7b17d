package io.tickwire.web;

import io.tickwire.health.HealthRegistry;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/**
 * {@code GET /ready}: 200 once the HTTP server (web or ops) listens and no component of the node holds readiness back
 * ({@link HealthRegistry#notReady}: the node itself while it starts and from the moment it stops, a compute node of a
 * cluster until it owns its share of the partitions); 503 before, and while stopping, with what it waits for, so a
 * readiness probe only routes traffic to a node that can answer it.
 */
final class ReadyHandler implements Handler<RoutingContext> {
  private final HealthRegistry health;
  // Set by the verticle's start and stop; read by whichever event loop serves the request.
  private volatile boolean ready;

  ReadyHandler(HealthRegistry health) {
    this.health = health;
  }

  void markReady() {
    ready = true;
  }

  void markNotReady() {
    ready = false;
  }

  @Override
  public void handle(RoutingContext ctx) {
    Map<String, String> waiting = health.waitingFor();
    boolean now = ready && waiting.isEmpty();
    JsonObject body = new JsonObject().put("status", now ? "ready" : "not_ready");
    if (!waiting.isEmpty()) {
      body.put("waiting_for", new JsonObject(Map.copyOf(waiting)));
    }
    Replies.json(ctx, now ? 200 : 503, body);
  }
}
