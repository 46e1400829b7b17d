package io.tickwire.web;

import io.tickwire.inference.RuleStore;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /api/rules/{name}}: the rule, or 404. */
final class RuleGetHandler extends RuleStoreHandler {
  RuleGetHandler(RuleStore store) {
    super(store);
  }

  @Override
  Future<Replies.Reply> serve(RoutingContext ctx) {
    return existing(pathName(ctx)).map(rule -> Replies.Reply.ok(rule.toJson()));
  }
}
