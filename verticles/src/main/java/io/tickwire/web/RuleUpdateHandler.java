package io.tickwire.web;

import io.tickwire.inference.Rule;
import io.tickwire.inference.RuleCompiler;
import io.tickwire.inference.RuleFormatException;
import io.tickwire.inference.RuleStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code PUT /api/rules/{name}}: replaces every field of the rule (omitted optional fields take their defaults)
 * and bumps its version; 200 with the stored rule, 404 when there is none by that name. A body {@code name} may be
 * left out; when given it must be the path's, because renaming is a create and a delete.
 */
final class RuleUpdateHandler extends RuleStoreHandler {
  private final RuleCompiler compiler;
  private final RuleNotices notices;

  RuleUpdateHandler(RuleStore store, RuleCompiler compiler, RuleNotices notices) {
    super(store);
    this.compiler = compiler;
    this.notices = notices;
  }

  @Override
  Future<Replies.Reply> serve(RoutingContext ctx) {
    String name = pathName(ctx);
    Rule rule = Rule.fromJson(namedAsPath(JsonBody.object(ctx), name));
    compiler.compile(rule);
    return store().update(name, rule).compose(stored -> {
      if (stored == null) {
        return Future.failedFuture(unknown(name));
      }
      notices.changed(stored);
      return Future.succeededFuture(Replies.Reply.ok(stored.toJson()));
    });
  }

  private static JsonObject namedAsPath(JsonObject body, String name) {
    Object given = body.getValue("name");
    if (given == null) {
      return body.copy().put("name", name);
    }
    if (!name.equals(given)) {
      throw new RuleFormatException("name", "is '" + given + "' but the path names '" + name + "'; to rename a rule, "
          + "create it under the new name and delete the old one");
    }
    return body;
  }
}
