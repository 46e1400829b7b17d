package io.tickwire.web;

import io.tickwire.codecs.Bar;
import io.tickwire.codecs.V1Json;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * {@code GET /api/bars}: bars as a JSON array of v1 bar objects, newest first. Parameters are checked before the
 * database is asked, so a client error is a 400 whatever the database's state.
 */
final class BarsHandler implements Handler<RoutingContext> {
  private static final System.Logger LOG = System.getLogger(BarsHandler.class.getName());

  private final BarsQueryParser parser;
  private final BarStore store;

  /** @param store null when this node has no database: every valid request then answers 503 */
  BarsHandler(BarsQueryParser parser, BarStore store) {
    this.parser = parser;
    this.store = store;
  }

  @Override
  public void handle(RoutingContext ctx) {
    BarsQuery query;
    try {
      query = parser.parse(ctx.queryParams());
    } catch (BadParameterException e) {
      Responses.error(ctx, 400, "bad_request", e.getMessage());
      return;
    }
    if (store == null) {
      Responses.error(ctx, 503, "database_unavailable", "no database is open on this node");
      return;
    }
    store.find(query).onComplete(bars -> respond(ctx, bars), failure -> databaseFailed(ctx, failure));
  }

  /** Outside the router's own dispatch, a throw would leave the client waiting; route it to the 500 handler. */
  private static void respond(RoutingContext ctx, List<Bar> bars) {
    try {
      Responses.json(ctx, 200, toJsonArray(bars));
    } catch (RuntimeException e) {
      ctx.fail(e);
    }
  }

  /** Each element through the v1 writer, so the API's bars are byte-for-byte the contract's bars. */
  private static Buffer toJsonArray(List<Bar> bars) {
    Buffer out = Buffer.buffer(64 + bars.size() * 256).appendByte((byte) '[');
    for (int i = 0; i < bars.size(); i++) {
      if (i > 0) {
        out.appendByte((byte) ',');
      }
      out.appendString(V1Json.toJson(bars.get(i)));
    }
    return out.appendByte((byte) ']');
  }

  private static void databaseFailed(RoutingContext ctx, Throwable failure) {
    LOG.log(System.Logger.Level.WARNING, "bars query failed: {0}", failure.toString());
    Responses.error(ctx, 503, "database_unavailable", "the bars query failed: " + failure.getMessage());
  }
}
