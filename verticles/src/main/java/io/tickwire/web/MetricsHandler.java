package io.tickwire.web;

import io.tickwire.metrics.Metrics;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /metrics}: the node's meters in the Prometheus text format. */
final class MetricsHandler implements Handler<RoutingContext> {
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final Metrics metrics;

  MetricsHandler(Metrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void handle(RoutingContext ctx) {
    ctx.response().putHeader("content-type", CONTENT_TYPE).end(metrics.scrape());
  }
}
