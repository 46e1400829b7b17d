package io.tickwire.web;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/**
 * The shape of every read-only query endpoint: parameters checked before the database is asked (so a client error
 * is a 400 whatever the database's state), then one query, then a 200 with its JSON, or a 503 when the database
 * is missing or fails.
 *
 * @param <Q> the validated request
 * @param <R> what the query returns
 */
abstract class DatabaseQueryHandler<Q, R> implements Handler<RoutingContext> {
  private static final System.Logger LOG = System.getLogger(DatabaseQueryHandler.class.getName());

  private final String what;
  private final boolean hasDatabase;

  /** @param what names the query in errors and logs, e.g. "bars" */
  DatabaseQueryHandler(String what, boolean hasDatabase) {
    this.what = what;
    this.hasDatabase = hasDatabase;
  }

  /** Throws {@link BadParameterException} naming the first bad parameter. */
  abstract Q parse(MultiMap params);

  abstract Future<R> find(Q query);

  abstract Buffer body(R result);

  @Override
  public final void handle(RoutingContext ctx) {
    Q query;
    try {
      query = parse(ctx.queryParams());
    } catch (BadParameterException e) {
      Responses.error(ctx, 400, "bad_request", e.getMessage());
      return;
    }
    if (!hasDatabase) {
      Responses.error(ctx, 503, "database_unavailable", "no database is open on this node");
      return;
    }
    find(query).onComplete(result -> respond(ctx, result), failure -> databaseFailed(ctx, failure));
  }

  /** Outside the router's own dispatch, a throw would leave the client waiting; route it to the 500 handler. */
  private void respond(RoutingContext ctx, R result) {
    try {
      Responses.json(ctx, 200, body(result));
    } catch (RuntimeException e) {
      ctx.fail(e);
    }
  }

  private void databaseFailed(RoutingContext ctx, Throwable failure) {
    LOG.log(System.Logger.Level.WARNING, "{0} query failed: {1}", what, failure.toString());
    DatabaseFailure.respond(ctx, failure, what + " query");
  }
}
