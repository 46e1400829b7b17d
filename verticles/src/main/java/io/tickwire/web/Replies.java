package io.tickwire.web;

import io.tickwire.codecs.V1Json;
import io.tickwire.inference.DuplicateRuleException;
import io.tickwire.inference.InvalidRuleException;
import io.tickwire.inference.RuleFormatException;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.pgclient.PgException;
import java.util.List;
import java.util.function.Function;

/**
 * Every answer the HTTP server sends, and how each kind of failure becomes one. All of them are JSON, errors
 * included ({@code {"error","detail"}}), so API clients never have to tell an HTML error page from data. A client's
 * mistake is a 4xx saying what to change; a database failure is a 500 (the server rejected the statement) or a 503
 * (it could not be reached), and never carries the database's own text (SQL, table, column and constraint names,
 * sometimes row values): that is for the operator's log.
 */
final class Replies {
  static final String JSON = "application/json";
  private static final System.Logger LOG = System.getLogger(Replies.class.getName());
  /** What clients of the future-based endpoints have always been told failed; kept so their answers stay put. */
  private static final String STORE_CALL = "rules store call";

  /** A successful answer: the status and its JSON body (null for 204). */
  record Reply(int status, JsonObject body) {
    static Reply ok(JsonObject body) {
      return new Reply(200, body);
    }

    static Reply created(JsonObject body) {
      return new Reply(201, body);
    }

    static Reply noContent() {
      return new Reply(204, null);
    }
  }

  private Replies() {
  }

  static void json(RoutingContext ctx, int status, Buffer body) {
    if (ctx.response().closed()) {
      return; // the client went away while a query ran; nobody is left to answer
    }
    ctx.response().setStatusCode(status).putHeader("Content-Type", JSON).end(body);
  }

  static void json(RoutingContext ctx, int status, JsonObject body) {
    json(ctx, status, body.toBuffer());
  }

  /** {@code error} is a stable machine-readable code; {@code detail} tells a person what to change. */
  static void error(RoutingContext ctx, int status, String error, String detail) {
    json(ctx, status, new JsonObject().put("error", error).put("detail", detail));
  }

  static void error(RoutingContext ctx, ApiException refusal) {
    error(ctx, refusal.status(), refusal.error(), refusal.getMessage());
  }

  /** Each element through the v1 writer, so the API's records are byte-for-byte the contract's records. */
  static Buffer v1Array(List<?> records) {
    Buffer out = Buffer.buffer(64 + records.size() * 256).appendByte((byte) '[');
    for (int i = 0; i < records.size(); i++) {
      if (i > 0) {
        out.appendByte((byte) ',');
      }
      out.appendString(V1Json.toJson(records.get(i)));
    }
    return out.appendByte((byte) ']');
  }

  /**
   * The handler of an endpoint that computes its reply as a future: every failure, thrown or failed, is answered
   * the same way, except a non-client throw before any future exists, which is a bug and goes to the 500 page.
   */
  static Handler<RoutingContext> serving(Function<RoutingContext, Future<Reply>> endpoint) {
    return ctx -> serve(ctx, endpoint);
  }

  private static void serve(RoutingContext ctx, Function<RoutingContext, Future<Reply>> endpoint) {
    Future<Reply> reply;
    try {
      reply = endpoint.apply(ctx);
    } catch (RuntimeException e) {
      if (asClientError(e) == null) {
        ctx.fail(e); // a bug before any database call: a 500 with the stack trace in the log, not a 503
        return;
      }
      reply = Future.failedFuture(e);
    }
    reply.onComplete(done -> send(ctx, done), failure -> failed(ctx, failure));
  }

  /**
   * The shape of every read-only query endpoint: parameters checked before the database is asked (so a client
   * error is a 400 whatever the database's state), then one query, then a 200 with its JSON.
   *
   * @param what names the query in errors and logs, e.g. "bars"
   * @param find null when this node has no database: every valid request then answers 503
   */
  static <Q, R> void query(RoutingContext ctx, String what, Function<MultiMap, Q> parse, Function<Q, Future<R>> find,
      Function<R, Buffer> body) {
    Q query;
    try {
      query = parse.apply(ctx.queryParams());
    } catch (ApiException e) {
      error(ctx, e);
      return;
    }
    if (find == null) {
      error(ctx, ApiException.noDatabase());
      return;
    }
    find.apply(query).onComplete(result -> queried(ctx, body, result), failure -> {
      LOG.log(System.Logger.Level.WARNING, "{0} query failed: {1}", what, failure.toString());
      databaseFailed(ctx, failure, what + " query");
    });
  }

  /** Outside the router's own dispatch, a throw would leave the client waiting; route it to the 500 page. */
  private static <R> void queried(RoutingContext ctx, Function<R, Buffer> body, R result) {
    try {
      json(ctx, 200, body.apply(result));
    } catch (RuntimeException e) {
      ctx.fail(e);
    }
  }

  private static void send(RoutingContext ctx, Reply reply) {
    if (ctx.response().closed()) {
      return;
    }
    if (reply.body() == null) {
      ctx.response().setStatusCode(reply.status()).end();
    } else {
      json(ctx, reply.status(), reply.body());
    }
  }

  /**
   * Any failure that is not the client's came from the database, the only asynchronous work behind the
   * future-based endpoints besides incident files, whose own failures are already mapped.
   */
  static void failed(RoutingContext ctx, Throwable failure) {
    ApiException client = asClientError(failure);
    if (client != null) {
      error(ctx, client);
      return;
    }
    LOG.log(System.Logger.Level.WARNING, "{0} {1} failed: {2}", ctx.request().method(), ctx.request().path(),
        failure.toString());
    databaseFailed(ctx, failure, STORE_CALL);
  }

  /** The client's to fix: answered with a 4xx, never logged as a server fault; null for anything else. */
  private static ApiException asClientError(Throwable failure) {
    if (failure instanceof ApiException e) {
      return e;
    } else if (failure instanceof RuleFormatException || failure instanceof InvalidRuleException) {
      return new ApiException(400, "invalid_rule", failure.getMessage());
    } else if (failure instanceof DuplicateRuleException) {
      return new ApiException(409, "conflict", failure.getMessage());
    }
    return null;
  }

  /** @param what names the call, e.g. "bars query"; the caller has logged the database's text */
  private static void databaseFailed(RoutingContext ctx, Throwable failure, String what) {
    if (failure instanceof PgException) {
      error(ctx, 500, "internal_error", "the " + what + " failed on the database; see the server log");
    } else {
      error(ctx, 503, "database_unavailable", "the " + what + " failed: the database is unavailable");
    }
  }

  /** Replaces Vert.x Web's plain-text error pages with JSON error bodies. */
  static void installErrorPages(Router router, long bodyLimit) {
    // Vert.x Web itself answers 400 before any route runs, e.g. for a query string with a bad %-escape.
    router.errorHandler(400, ctx -> error(ctx, 400, "bad_request", "malformed request: " + innermost(ctx)));
    router.errorHandler(404, ctx -> error(ctx, 404, "not_found", "no resource at " + describe(ctx)));
    router.errorHandler(405, ctx -> error(ctx, 405, "method_not_allowed", describe(ctx) + " is not supported"));
    // The body handler refuses an oversized body as soon as its declared or received length passes the limit.
    router.errorHandler(413, ctx -> error(ctx, 413, "payload_too_large",
        "the request body is over the " + bodyLimit + "-byte limit"));
    router.errorHandler(500, Replies::internal);
  }

  /** The client cannot act on a stack trace; the operator needs it, so it goes to the log. */
  private static void internal(RoutingContext ctx) {
    LOG.log(System.Logger.Level.ERROR, "request " + describe(ctx) + " failed", ctx.failure());
    error(ctx, 500, "internal_error", "the server failed to answer " + describe(ctx) + "; see its log");
  }

  /** The innermost message: the outer one is often just the status text. */
  private static String innermost(RoutingContext ctx) {
    Throwable cause = ctx.failure();
    if (cause == null) {
      return "unreadable " + describe(ctx);
    }
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return String.valueOf(cause.getMessage());
  }

  private static String describe(RoutingContext ctx) {
    return ctx.request().method() + " " + ctx.request().path();
  }
}
