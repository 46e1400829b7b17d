package io.tickwire.web;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * An endpoint that computes its answer as a future: it only says what to answer, and every failure, thrown or
 * failed, is answered the same way by {@link ApiFailures}.
 */
abstract class ApiHandler implements Handler<RoutingContext> {
  abstract Future<ApiReply> serve(RoutingContext ctx);

  @Override
  public final void handle(RoutingContext ctx) {
    Future<ApiReply> reply;
    try {
      reply = serve(ctx);
    } catch (RuntimeException e) {
      if (ApiFailures.asClientError(e) == null) {
        ctx.fail(e); // a bug before any database call: a 500 with the stack trace in the log, not a 503
        return;
      }
      reply = Future.failedFuture(e);
    }
    reply.onComplete(done -> send(ctx, done), failure -> ApiFailures.respond(ctx, failure));
  }

  private static void send(RoutingContext ctx, ApiReply reply) {
    if (ctx.response().closed()) {
      return;
    }
    if (reply.body() == null) {
      ctx.response().setStatusCode(reply.status()).end();
    } else {
      Responses.json(ctx, reply.status(), reply.body());
    }
  }
}
