package io.tickwire.web;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;

/**
 * 415 for a request body that does not say it is JSON, before the body is read: a form post or text body would
 * otherwise fail later with a confusing parse error. Requests without a body (DELETE, /test) pass.
 */
final class JsonContentType implements Handler<RoutingContext> {
  @Override
  public void handle(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    if (!hasBody(request) || isJson(request.getHeader(HttpHeaders.CONTENT_TYPE))) {
      ctx.next();
      return;
    }
    String given = request.getHeader(HttpHeaders.CONTENT_TYPE);
    Responses.error(ctx, 415, "unsupported_media_type", "Content-Type is "
        + (given == null ? "missing" : "'" + given + "'") + "; send the body as application/json");
  }

  private static boolean hasBody(HttpServerRequest request) {
    String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    return request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null || (length != null && !length.equals("0"));
  }

  /** Parameters such as {@code ; charset=utf-8} do not change the media type. */
  private static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    int semicolon = contentType.indexOf(';');
    String mediaType = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
    return mediaType.toLowerCase(Locale.ROOT).equals(Responses.JSON);
  }
}
