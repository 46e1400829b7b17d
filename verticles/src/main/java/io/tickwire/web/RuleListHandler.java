package io.tickwire.web;

import io.tickwire.inference.Rule;
import io.tickwire.inference.RuleStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/** {@code GET /api/rules}: {@code {"rules":[rule...]}}, by name. */
final class RuleListHandler extends RuleStoreHandler {
  RuleListHandler(RuleStore store) {
    super(store);
  }

  @Override
  Future<Replies.Reply> serve(RoutingContext ctx) {
    return store().all().map(rules -> Replies.Reply.ok(new JsonObject().put("rules", toJson(rules))));
  }

  private static JsonArray toJson(List<Rule> rules) {
    JsonArray array = new JsonArray();
    rules.forEach(rule -> array.add(rule.toJson()));
    return array;
  }
}
