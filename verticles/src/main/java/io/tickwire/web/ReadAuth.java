package io.tickwire.web;

import io.tickwire.config.Secret;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * With {@code web.read_token} configured, API reads and the dashboard WebSocket need it (or the API token, which
 * may do more): as {@code Authorization: Bearer <token>}, or on {@code /ws} as {@code ?access_token=<token>},
 * since a browser cannot put headers on a WebSocket upgrade. Otherwise 401.
 */
final class ReadAuth implements Handler<RoutingContext> {
  static final String QUERY_PARAM = "access_token";
  private static final String SCHEME = "Bearer ";

  private final Secret readToken;
  private final ApiToken apiToken;

  ReadAuth(Secret readToken, ApiToken apiToken) {
    this.readToken = readToken;
    this.apiToken = apiToken;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String presented = presented(ctx);
    if (presented != null && (readToken.matches(presented) || apiToken.matches(presented))) {
      ctx.next();
      return;
    }
    ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"tickwire\"");
    Replies.error(ctx, 401, "unauthorized", "this node requires its read token (web.read_token): send"
        + " Authorization: Bearer <token>");
  }

  private static String presented(RoutingContext ctx) {
    String header = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
    if (header != null && header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      return header.substring(SCHEME.length()).strip();
    }
    return ctx.request().getParam(QUERY_PARAM);
  }
}
