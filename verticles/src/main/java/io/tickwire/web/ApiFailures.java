package io.tickwire.web;

import io.tickwire.inference.DuplicateRuleException;
import io.tickwire.inference.InvalidRuleException;
import io.tickwire.inference.RuleFormatException;
import io.vertx.ext.web.RoutingContext;

/**
 * Maps why a request failed to its answer: the client's mistakes to 4xx with what to change; any other failure of
 * an endpoint's future came from the database (the only asynchronous work behind these endpoints): a 500 when the
 * server rejected the statement, a 503 when it could not be reached, never with the database's own text (as for
 * {@code /api/bars}).
 */
final class ApiFailures {
  private static final System.Logger LOG = System.getLogger(ApiFailures.class.getName());

  private ApiFailures() {
  }

  /** The client's to fix: answered with a 4xx, never logged as a server fault. */
  static ApiException asClientError(Throwable failure) {
    if (failure instanceof ApiException e) {
      return e;
    } else if (failure instanceof RuleFormatException || failure instanceof InvalidRuleException) {
      return new ApiException(400, "invalid_rule", failure.getMessage());
    } else if (failure instanceof BadParameterException) {
      return ApiException.badRequest(failure.getMessage());
    } else if (failure instanceof DuplicateRuleException) {
      return new ApiException(409, "conflict", failure.getMessage());
    }
    return null;
  }

  static void respond(RoutingContext ctx, Throwable failure) {
    ApiException client = asClientError(failure);
    if (client != null) {
      Responses.error(ctx, client.status(), client.error(), client.getMessage());
      return;
    }
    LOG.log(System.Logger.Level.WARNING, "{0} {1} failed: {2}", ctx.request().method(), ctx.request().path(),
        failure.toString());
    DatabaseFailure.respond(ctx, failure, "rules store call");
  }
}
