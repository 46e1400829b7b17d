package io.tickwire.web;

import io.tickwire.codecs.V1Json;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * Every response the web verticle sends is JSON, errors included ({@code {"error","detail"}}), so API clients
 * never have to tell an HTML error page from data.
 */
final class Responses {
  static final String JSON = "application/json";

  private Responses() {
  }

  static void json(RoutingContext ctx, int status, Buffer body) {
    if (ctx.response().closed()) {
      return; // the client went away while a query ran; nobody is left to answer
    }
    ctx.response().setStatusCode(status).putHeader("Content-Type", JSON).end(body);
  }

  static void json(RoutingContext ctx, int status, JsonObject body) {
    json(ctx, status, body.toBuffer());
  }

  /** {@code error} is a stable machine-readable code; {@code detail} tells a person what to change. */
  static void error(RoutingContext ctx, int status, String error, String detail) {
    json(ctx, status, new JsonObject().put("error", error).put("detail", detail));
  }

  /** Each element through the v1 writer, so the API's records are byte-for-byte the contract's records. */
  static Buffer v1Array(List<?> records) {
    Buffer out = Buffer.buffer(64 + records.size() * 256).appendByte((byte) '[');
    for (int i = 0; i < records.size(); i++) {
      if (i > 0) {
        out.appendByte((byte) ',');
      }
      out.appendString(V1Json.toJson(records.get(i)));
    }
    return out.appendByte((byte) ']');
  }
}
