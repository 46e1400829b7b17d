package io.tickwire.web;

import io.tickwire.inference.Rule;
import io.tickwire.inference.RuleCompiler;
import io.tickwire.inference.RuleFormatException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /api/rules/validate}: compiles without storing. The body is {@code {"condition":"..."}}, or a whole
 * rule (recognised by its {@code name}), whose other fields are then checked too. 200 {@code {"valid":true}}, or 400
 * with CEL's error and its position.
 */
final class RuleValidateHandler extends ApiHandler {
  private final RuleCompiler compiler;

  RuleValidateHandler(RuleCompiler compiler) {
    this.compiler = compiler;
  }

  @Override
  Future<Replies.Reply> serve(RoutingContext ctx) {
    JsonObject body = JsonBody.object(ctx);
    if (body.containsKey("name")) {
      compiler.compile(Rule.fromJson(body));
    } else {
      compiler.validate(condition(body));
    }
    return Future.succeededFuture(Replies.Reply.ok(new JsonObject().put("valid", true)));
  }

  private static String condition(JsonObject body) {
    Object value = body.getValue("condition");
    if (!(value instanceof String condition) || condition.isBlank()) {
      throw new RuleFormatException("condition", value == null ? "is required" : "must be a non-empty string");
    }
    return condition;
  }
}
