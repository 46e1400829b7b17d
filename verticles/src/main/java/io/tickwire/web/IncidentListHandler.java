package io.tickwire.web;

import io.tickwire.web.Replies.Reply;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * {@code GET /api/incidents[?limit=N]}: {@code {"incidents":[...]}}, newest first, each the bundle's meta.json
 * without its config copy (that is in the single-incident answer).
 */
final class IncidentListHandler extends ApiHandler {
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1_000;

  private final IncidentFiles incidents;

  IncidentListHandler(IncidentFiles incidents) {
    this.incidents = incidents;
  }

  @Override
  Future<Reply> serve(RoutingContext ctx) {
    QueryParams.rejectUnknownAndRepeated(ctx.queryParams(), List.of("limit"));
    int limit = QueryParams.limit(ctx.queryParams(), DEFAULT_LIMIT, MAX_LIMIT);
    return incidents.list().map(all -> Reply.ok(new JsonObject().put("incidents", summaries(all, limit))));
  }

  private static JsonArray summaries(List<JsonObject> all, int limit) {
    JsonArray out = new JsonArray();
    for (JsonObject meta : all.subList(0, Math.min(limit, all.size()))) {
      JsonObject summary = meta.copy();
      summary.remove("config");
      out.add(summary);
    }
    return out;
  }
}
