package io.tickwire.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Reads a request body (already gathered by the body handler) as the JSON object every mutation takes. */
final class JsonBodies {
  private JsonBodies() {
  }

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

  private static String kind(Object value) {
    if (value instanceof JsonArray) {
      return "an array";
    }
    return value == null ? "null" : "a " + value.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
  }
}
