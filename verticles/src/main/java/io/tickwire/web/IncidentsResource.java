package io.tickwire.web;

import io.tickwire.recorder.IncidentStore;
import io.tickwire.web.Replies.Reply;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code /api/incidents}: the recorder's incident bundles. Every read is file I/O, so it runs off the event loop; a
 * malformed id is the client's mistake (400), an unknown one a 404, a bundle that cannot be read (I/O error, damaged
 * meta.json) a 500 naming it, not the 503 of a failed database.
 */
final class IncidentsResource {
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1_000;
  static final String NDJSON = "application/x-ndjson";
  private static final System.Logger LOG = System.getLogger(IncidentsResource.class.getName());

  private final Vertx vertx;
  private final IncidentStore store;

  IncidentsResource(Vertx vertx, IncidentStore store) {
    this.vertx = vertx;
    this.store = store;
  }

  void mount(Router router) {
    router.get("/api/incidents").handler(Replies.serving(this::list));
    router.get("/api/incidents/:id").handler(Replies.serving(this::read));
    router.get("/api/incidents/:id/events").handler(this::events);
  }

  /**
   * {@code GET /api/incidents[?limit=N]}: {@code {"incidents":[...]}}, newest first, each the bundle's meta.json
   * without its config copy (that is in the single-incident answer).
   */
  private Future<Reply> list(RoutingContext ctx) {
    QueryParams.rejectUnknownAndRepeated(ctx.queryParams(), List.of("limit"));
    int limit = QueryParams.limit(ctx.queryParams(), DEFAULT_LIMIT, MAX_LIMIT);
    return blocking("the incidents directory " + store.dir(), store::list)
        .map(all -> Reply.ok(new JsonObject().put("incidents", summaries(all, limit))));
  }

  /** {@code GET /api/incidents/{id}}: the bundle's meta.json with its report.md as {@code report}; 404 if unknown. */
  private Future<Reply> read(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    return blocking(what(id), () -> found(id, store.meta(id))).compose(meta -> blocking(what(id),
        () -> found(id, store.report(id))).map(report -> Reply.ok(meta.copy().put("report", report))));
  }

  /**
   * {@code GET /api/incidents/{id}/events}: the bundle's events.jsonl as newline-delimited JSON, streamed from the
   * file rather than read into memory (a bundle holds thousands of events).
   */
  private void events(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    blocking(what(id), () -> found(id, store.events(id))).onComplete(
        path -> ctx.response().putHeader("Content-Type", NDJSON).sendFile(path.toString()),
        failure -> Replies.failed(ctx, failure));
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

  private static <T> T found(String id, Optional<T> value) {
    return value.orElseThrow(() -> ApiException.notFound("no incident '" + id + "'"));
  }

  private static String what(String id) {
    return "incident '" + id + "'";
  }

  private <T> Future<T> blocking(String what, Callable<T> read) {
    return vertx.executeBlocking(() -> {
      try {
        return read.call();
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest(e.getMessage());
      } catch (IOException | DecodeException e) {
        LOG.log(System.Logger.Level.WARNING, "{0} cannot be read: {1}", what, e.toString());
        throw new ApiException(500, "incident_unreadable", what + " cannot be read: " + e.getMessage());
      }
    }, false);
  }
}
