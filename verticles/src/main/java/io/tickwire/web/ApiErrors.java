package io.tickwire.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** Replaces Vert.x Web's plain-text error pages with JSON error bodies. */
final class ApiErrors {
  private static final System.Logger LOG = System.getLogger(ApiErrors.class.getName());

  private ApiErrors() {
  }

  static void install(Router router, long bodyLimit) {
    // Vert.x Web itself answers 400 before any route runs, e.g. for a query string with a bad %-escape.
    router.errorHandler(400, ctx -> Responses.error(ctx, 400, "bad_request", "malformed request: " + reason(ctx)));
    router.errorHandler(404, ctx -> Responses.error(ctx, 404, "not_found", "no resource at " + describe(ctx)));
    router.errorHandler(405, ctx -> Responses.error(ctx, 405, "method_not_allowed",
        describe(ctx) + " is not supported"));
    // The body handler refuses an oversized body as soon as its declared or received length passes the limit.
    router.errorHandler(413, ctx -> Responses.error(ctx, 413, "payload_too_large",
        "the request body is over the " + bodyLimit + "-byte limit"));
    router.errorHandler(500, ApiErrors::internal);
  }

  /** The client cannot act on a stack trace; the operator needs it, so it goes to the log. */
  private static void internal(RoutingContext ctx) {
    LOG.log(System.Logger.Level.ERROR, "request " + describe(ctx) + " failed", ctx.failure());
    Responses.error(ctx, 500, "internal_error", "the server failed to answer " + describe(ctx) + "; see its log");
  }

  /** The innermost message: the outer one is often just the status text. */
  private static String reason(RoutingContext ctx) {
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
