package io.tickwire.web;

import io.tickwire.inference.Rule;
import io.tickwire.inference.RuleCompiler;
import io.tickwire.inference.RuleStore;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /api/rules}: 201 with the stored rule (version 1); 400 when a field or the condition is invalid,
 * 409 when the name is taken. The condition is compiled first, so the table never holds a rule that cannot run.
 */
final class RuleCreateHandler extends RuleStoreHandler {
  private final RuleCompiler compiler;
  private final RuleNotices notices;

  RuleCreateHandler(RuleStore store, RuleCompiler compiler, RuleNotices notices) {
    super(store);
    this.compiler = compiler;
    this.notices = notices;
  }

  @Override
  Future<Replies.Reply> serve(RoutingContext ctx) {
    Rule rule = Rule.fromJson(JsonBody.object(ctx));
    compiler.compile(rule);
    return store().insert(rule).map(stored -> {
      notices.changed(stored);
      ctx.response().putHeader("Location", "/api/rules/" + stored.name());
      return Replies.Reply.created(stored.toJson());
    });
  }
}
