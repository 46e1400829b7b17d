package io.tickwire.web;

import io.vertx.core.json.JsonObject;

/** A successful answer: the status and its JSON body (null for 204). */
record ApiReply(int status, JsonObject body) {
  static ApiReply ok(JsonObject body) {
    return new ApiReply(200, body);
  }

  static ApiReply created(JsonObject body) {
    return new ApiReply(201, body);
  }

  static ApiReply noContent() {
    return new ApiReply(204, null);
  }
}
