package io.tickwire.web;

import io.tickwire.health.HealthJson;
import io.tickwire.health.HealthRegistry;
import io.tickwire.health.Status;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

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
    Replies.json(ctx, snapshot.status() == Status.OK ? 200 : 503, HealthJson.of(snapshot));
  }
}
