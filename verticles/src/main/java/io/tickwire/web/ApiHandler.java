package io.tickwire.web;

import io.tickwire.web.Replies.Reply;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/** An endpoint that computes its answer as a future; {@link Replies#serving} answers it and its failures. */
abstract class ApiHandler implements Handler<RoutingContext> {
  abstract Future<Reply> serve(RoutingContext ctx);

  @Override
  public final void handle(RoutingContext ctx) {
    Replies.serving(this::serve).handle(ctx);
  }
}
