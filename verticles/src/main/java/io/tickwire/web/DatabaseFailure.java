package io.tickwire.web;

import io.vertx.ext.web.RoutingContext;
import io.vertx.pgclient.PgException;

/**
 * The answer to a failed database call. The database's own text (SQL, table and column names, constraint names,
 * sometimes row values) is for the operator's log, which the caller writes; the client learns only which kind of
 * failure it was: the server rejected the statement (500), or the database could not be reached (503).
 */
final class DatabaseFailure {
  private DatabaseFailure() {
  }

  /** @param what names the call, e.g. "bars query" */
  static void respond(RoutingContext ctx, Throwable failure, String what) {
    if (failure instanceof PgException) {
      Responses.error(ctx, 500, "internal_error", "the " + what + " failed on the database; see the server log");
    } else {
      Responses.error(ctx, 503, "database_unavailable", "the " + what + " failed: the database is unavailable");
    }
  }
}
