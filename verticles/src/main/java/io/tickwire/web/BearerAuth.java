package io.tickwire.web;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Lets a request through only with {@code Authorization: Bearer <token>} matching the {@link ApiToken}; otherwise
 * 401 with {@code WWW-Authenticate: Bearer}, before the body is read.
 */
final class BearerAuth implements Handler<RoutingContext> {
  private static final String SCHEME = "Bearer ";

  private final ApiToken token;

  BearerAuth(ApiToken token) {
    this.token = token;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String header = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      refuse(ctx, "Bearer realm=\"tickwire\"", "this request changes rules: send Authorization: Bearer <token> "
          + "(TICKWIRE_API_TOKEN, or the token tickwire generated into <data_dir>/api-token)");
    } else if (!token.matches(header.substring(SCHEME.length()).strip())) {
      refuse(ctx, "Bearer realm=\"tickwire\", error=\"invalid_token\"", "the bearer token is not this node's API "
          + "token");
    } else {
      ctx.next();
    }
  }

  private static void refuse(RoutingContext ctx, String challenge, String detail) {
    ctx.response().putHeader("WWW-Authenticate", challenge);
    Replies.error(ctx, 401, "unauthorized", detail);
  }
}
