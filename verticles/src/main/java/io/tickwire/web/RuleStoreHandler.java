package io.tickwire.web;

import io.tickwire.inference.Rule;
import io.tickwire.inference.RuleStore;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

/** An endpoint over the rules table: the store (503 on a node without a database) and the rule a path names. */
abstract class RuleStoreHandler extends ApiHandler {
  private final RuleStore store;

  /** @param store null when this node has no database */
  RuleStoreHandler(RuleStore store) {
    this.store = store;
  }

  RuleStore store() {
    if (store == null) {
      throw ApiException.noDatabase();
    }
    return store;
  }

  static String pathName(RoutingContext ctx) {
    return ctx.pathParam("name");
  }

  /** The rule the path names, or a 404. */
  Future<Rule> existing(String name) {
    return store().get(name).compose(rule -> rule == null ? Future.failedFuture(unknown(name))
        : Future.succeededFuture(rule));
  }

  static ApiException unknown(String name) {
    return ApiException.notFound("no rule named '" + name + "'");
  }
}
