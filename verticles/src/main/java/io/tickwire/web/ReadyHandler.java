package io.tickwire.web;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /ready}: 200 once the web verticle has started, 503 before and while stopping, so a readiness probe
 * only routes traffic to a node that can answer it.
 */
final class ReadyHandler implements Handler<RoutingContext> {
  // Set by the verticle's start and stop; read by whichever event loop serves the request.
  private volatile boolean ready;

  void markReady() {
    ready = true;
  }

  void markNotReady() {
    ready = false;
  }

  @Override
  public void handle(RoutingContext ctx) {
    boolean now = ready;
    Responses.json(ctx, now ? 200 : 503, new JsonObject().put("status", now ? "ready" : "not_ready"));
  }
}
