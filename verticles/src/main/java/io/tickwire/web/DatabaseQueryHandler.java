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
  private final String what;
  private final boolean hasDatabase;

  /** @param what names the query in errors and logs, e.g. "bars" */
  DatabaseQueryHandler(String what, boolean hasDatabase) {
    this.what = what;
    this.hasDatabase = hasDatabase;
  }

  /** Throws {@link ApiException} naming the first bad parameter. */
  abstract Q parse(MultiMap params);

  abstract Future<R> find(Q query);

  abstract Buffer body(R result);

  @Override
  public final void handle(RoutingContext ctx) {
    Replies.query(ctx, what, this::parse, hasDatabase ? this::find : null, this::body);
  }
}
