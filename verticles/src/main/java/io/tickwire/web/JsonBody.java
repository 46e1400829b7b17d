package io.tickwire.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;

/**
 * The JSON object every mutation takes as its body: checked to say it is JSON before it is read, then read as one
 * object once the body handler has gathered it.
 */
final class JsonBody {
  private JsonBody() {
  }

  /**
   * 415 for a body that does not say it is JSON, before the body is read: a form post or text body would otherwise
   * fail later with a confusing parse error. Requests without a body (DELETE, /test) pass.
   */
  static void requireJsonContentType(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    String given = request.getHeader(HttpHeaders.CONTENT_TYPE);
    if (!hasBody(request) || isJson(given)) {
      ctx.next();
      return;
    }
    Replies.error(ctx, 415, "unsupported_media_type", "Content-Type is "
        + (given == null ? "missing" : "'" + given + "'") + "; send the body as application/json");
  }

  /** The gathered body as a JSON object, or a 400 saying what is wrong with it. */
  static JsonObject object(RoutingContext ctx) {
    Buffer body = ctx.body().buffer();
    if (body == null || body.length() == 0) {
      throw ApiException.badRequest("a JSON object body is required");
    }
    Object value;
    try {
      value = Json.decodeValue(body);
    } catch (DecodeException e) {
      throw ApiException.badRequest("the body is not valid JSON: " + e.getMessage());
    }
    if (!(value instanceof JsonObject json)) {
      throw ApiException.badRequest("the body must be a JSON object, not " + kind(value));
    }
    return json;
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
    return mediaType.toLowerCase(Locale.ROOT).equals(Replies.JSON);
  }

  private static String kind(Object value) {
    if (value instanceof JsonArray) {
      return "an array";
    }
    return value == null ? "null" : "a " + value.getClass().getSimpleName().toLowerCase(Locale.ROOT);
  }
}
