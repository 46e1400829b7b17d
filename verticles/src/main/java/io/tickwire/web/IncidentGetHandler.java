package io.tickwire.web;

import io.tickwire.web.Replies.Reply;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /api/incidents/{id}}: the bundle's meta.json with its report.md as {@code report}; 404 if unknown. */
final class IncidentGetHandler extends ApiHandler {
  private final IncidentFiles incidents;

  IncidentGetHandler(IncidentFiles incidents) {
    this.incidents = incidents;
  }

  @Override
  Future<Reply> serve(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    return incidents.meta(id).compose(meta -> incidents.report(id).map(report ->
        Reply.ok(meta.copy().put("report", report))));
  }
}
