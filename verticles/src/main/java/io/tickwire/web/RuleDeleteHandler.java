package io.tickwire.web;

import io.tickwire.inference.RuleStore;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

/** {@code DELETE /api/rules/{name}}: 204, or 404 when there is no such rule. */
final class RuleDeleteHandler extends RuleStoreHandler {
  private final RuleNotices notices;

  RuleDeleteHandler(RuleStore store, RuleNotices notices) {
    super(store);
    this.notices = notices;
  }

  @Override
  Future<Replies.Reply> serve(RoutingContext ctx) {
    String name = pathName(ctx);
    return store().delete(name).compose(deleted -> {
      if (!deleted) {
        return Future.failedFuture(unknown(name));
      }
      notices.deleted(name);
      return Future.succeededFuture(Replies.Reply.noContent());
    });
  }
}
