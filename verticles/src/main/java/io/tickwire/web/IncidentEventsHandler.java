package io.tickwire.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /api/incidents/{id}/events}: the bundle's events.jsonl as newline-delimited JSON, streamed from the
 * file rather than read into memory (a bundle holds thousands of events).
 */
final class IncidentEventsHandler implements Handler<RoutingContext> {
  static final String NDJSON = "application/x-ndjson";

  private final IncidentFiles incidents;

  IncidentEventsHandler(IncidentFiles incidents) {
    this.incidents = incidents;
  }

  @Override
  public void handle(RoutingContext ctx) {
    incidents.events(ctx.pathParam("id")).onComplete(
        path -> ctx.response().putHeader("Content-Type", NDJSON).sendFile(path.toString()),
        failure -> Replies.failed(ctx, failure));
  }
}
