package io.tickwire.web;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /live}: 200 whenever the process can answer at all. It is answered on the HTTP server's event loop and
 * looks at nothing else, so it fails (the probe times out) only when that loop is blocked or the process is wedged:
 * what a restart cures. A dependency that is down (Redis, PostgreSQL) shows in {@code /health}, and a node that should
 * not take traffic in {@code /ready}; neither is a reason to restart it, least of all while it drains.
 */
final class LiveHandler implements Handler<RoutingContext> {
  @Override
  public void handle(RoutingContext ctx) {
    Replies.json(ctx, 200, new JsonObject().put("status", "live"));
  }
}
