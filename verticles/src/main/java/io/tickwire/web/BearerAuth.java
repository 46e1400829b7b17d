package io.tickwire.web;

import io.tickwire.config.Secret;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * The bearer-token checks in front of routes: the {@link ApiToken} on rule changes, and, when {@code web.read_token}
 * is configured, the read token (or the API token, which may do more) on API reads and the dashboard WebSocket.
 * Either answers 401 with a {@code WWW-Authenticate: Bearer} challenge before the body is read.
 */
final class BearerAuth {
  static final String QUERY_PARAM = "access_token";
  private static final String SCHEME = "Bearer ";

  private BearerAuth() {
  }

  /** Lets a request through only with {@code Authorization: Bearer <token>} matching the API token. */
  static Handler<RoutingContext> changes(ApiToken token) {
    return ctx -> {
      String presented = fromHeader(ctx);
      if (presented == null) {
        refuse(ctx, "Bearer realm=\"tickwire\"", "this request changes rules: send Authorization: Bearer <token> "
            + "(TICKWIRE_API_TOKEN, or the token tickwire generated into <data_dir>/api-token)");
      } else if (!token.matches(presented)) {
        refuse(ctx, "Bearer realm=\"tickwire\", error=\"invalid_token\"", "the bearer token is not this node's API "
            + "token");
      } else {
        ctx.next();
      }
    };
  }

  /**
   * Lets a request through with the read token or the API token, as {@code Authorization: Bearer <token>}, or on
   * {@code /ws} as {@code ?access_token=<token>}, since a browser cannot put headers on a WebSocket upgrade.
   */
  static Handler<RoutingContext> reads(Secret readToken, ApiToken apiToken) {
    return ctx -> {
      String header = fromHeader(ctx);
      String presented = header != null ? header : ctx.request().getParam(QUERY_PARAM);
      if (presented != null && (readToken.matches(presented) || apiToken.matches(presented))) {
        ctx.next();
        return;
      }
      refuse(ctx, "Bearer realm=\"tickwire\"", "this node requires its read token (web.read_token): send"
          + " Authorization: Bearer <token>");
    };
  }

  /** The token after a case-insensitive {@code Bearer } scheme, or null when there is no such header. */
  private static String fromHeader(RoutingContext ctx) {
    String header = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      return null;
    }
    return header.substring(SCHEME.length()).strip();
  }

  private static void refuse(RoutingContext ctx, String challenge, String detail) {
    ctx.response().putHeader("WWW-Authenticate", challenge);
    Replies.error(ctx, 401, "unauthorized", detail);
  }
}
