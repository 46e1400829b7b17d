package io.tickwire.web;

import io.tickwire.codecs.FeatureSnapshot;
import io.tickwire.codecs.IsoTime;
import io.tickwire.flow.Addresses;
import io.tickwire.inference.CompiledRule;
import io.tickwire.inference.Rule;
import io.tickwire.inference.RuleCompiler;
import io.tickwire.inference.RuleFormatException;
import io.tickwire.inference.RuleStore;
import io.tickwire.inference.Verdict;
import io.tickwire.web.Replies.Reply;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

/**
 * {@code /api/rules}: list, create, read, replace and delete the rules inference runs, validate a condition, and
 * test a stored rule against a symbol's latest features. Every change is compiled first, so the table never holds
 * a rule that cannot run, and is then announced on {@code md.rules.changed}: published, not sent, because the
 * persist role (which publishes the catalog to every inference stage) may run on another node.
 */
final class RulesResource {
  /** Rules are a few hundred bytes; anything near this is a mistake or an attack, not a rule. */
  static final long BODY_LIMIT = 16 * 1024;
  /** How long the listing waits for the persist role's catalog status before answering without it. */
  static final long STATUS_TIMEOUT_MS = 2_000;
  private static final List<String> TEST_PARAMETERS = List.of("symbol", "venue");

  private final RuleStore store;
  private final RuleCompiler compiler;
  private final LatestFeatures features;
  private final EventBus bus;
  private final ApiToken token;

  /** @param store null when this node has no database: every endpoint but validate then answers 503 */
  RulesResource(RuleStore store, RuleCompiler compiler, LatestFeatures features, EventBus bus, ApiToken token) {
    this.store = store;
    this.compiler = compiler;
    this.features = features;
    this.bus = bus;
    this.token = token;
  }

  /** Mutations pass the token check, then the content-type check, then the size limit, before their handler. */
  void mount(Router router) {
    mutations(router).handler(BearerAuth.changes(token)).handler(JsonBody::requireJsonContentType);
    // A route of its own: Vert.x Web allows a body handler only before a route's user handlers.
    mutations(router).handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT));
    router.get("/api/rules").handler(Replies.serving(this::list));
    router.post("/api/rules").handler(Replies.serving(this::create));
    router.post("/api/rules/validate").handler(Replies.serving(this::validate));
    router.get("/api/rules/:name").handler(Replies.serving(this::read));
    router.put("/api/rules/:name").handler(Replies.serving(this::update));
    router.delete("/api/rules/:name").handler(Replies.serving(this::delete));
    router.post("/api/rules/:name/test").handler(Replies.serving(this::test));
  }

  private static Route mutations(Router router) {
    return router.route("/api/rules*").method(HttpMethod.POST).method(HttpMethod.PUT).method(HttpMethod.DELETE);
  }

  /**
   * {@code GET /api/rules}: {@code {"rules":[rule...], "catalog":{...}}}, the rules by name, and the catalog's
   * version with which node runs which version (as the persist role reports it).
   */
  private Future<Reply> list(RoutingContext ctx) {
    return store().all().compose(rules -> catalogStatus().map(catalog -> Reply.ok(new JsonObject()
        .put("rules", toJson(rules)).put("catalog", catalog))));
  }

  /**
   * The persist role's view of which node runs which catalog version; when no persist node answers, says so
   * rather than failing the listing of the rules themselves.
   */
  private Future<JsonObject> catalogStatus() {
    return bus.request(Addresses.RULES_STATUS, null, new DeliveryOptions().setSendTimeout(STATUS_TIMEOUT_MS))
        .map(reply -> (JsonObject) reply.body())
        .recover(e -> Future.succeededFuture(new JsonObject().putNull("version").put("nodes", new JsonArray())
            .put("unavailable", "no node with the persist role answered: " + e.getMessage())));
  }

  /** {@code POST /api/rules}: 201 with the stored rule (version 1); 400 when invalid, 409 when the name is taken. */
  private Future<Reply> create(RoutingContext ctx) {
    Rule rule = Rule.fromJson(JsonBody.object(ctx));
    compiler.compile(rule);
    return store().insert(rule).map(stored -> {
      announceChanged(stored);
      ctx.response().putHeader("Location", "/api/rules/" + stored.name());
      return Reply.created(stored.toJson());
    });
  }

  /**
   * {@code POST /api/rules/validate}: compiles without storing. The body is {@code {"condition":"..."}}, or a whole
   * rule (recognised by its {@code name}), whose other fields are then checked too. 200 {@code {"valid":true}}, or
   * 400 with CEL's error and its position.
   */
  private Future<Reply> validate(RoutingContext ctx) {
    JsonObject body = JsonBody.object(ctx);
    if (body.containsKey("name")) {
      compiler.compile(Rule.fromJson(body));
    } else {
      compiler.validate(condition(body));
    }
    return Future.succeededFuture(Reply.ok(new JsonObject().put("valid", true)));
  }

  /** {@code GET /api/rules/{name}}: the rule, or 404. */
  private Future<Reply> read(RoutingContext ctx) {
    return existing(pathName(ctx)).map(rule -> Reply.ok(rule.toJson()));
  }

  /**
   * {@code PUT /api/rules/{name}}: replaces every field of the rule (omitted optional fields take their defaults)
   * and bumps its version; 200 with the stored rule, 404 when there is none by that name.
   */
  private Future<Reply> update(RoutingContext ctx) {
    String name = pathName(ctx);
    Rule rule = Rule.fromJson(namedAsPath(JsonBody.object(ctx), name));
    compiler.compile(rule);
    return store().update(name, rule).compose(stored -> {
      if (stored == null) {
        return Future.failedFuture(unknown(name));
      }
      announceChanged(stored);
      return Future.succeededFuture(Reply.ok(stored.toJson()));
    });
  }

  /** {@code DELETE /api/rules/{name}}: 204, or 404 when there is no such rule. */
  private Future<Reply> delete(RoutingContext ctx) {
    String name = pathName(ctx);
    return store().delete(name).compose(deleted -> {
      if (!deleted) {
        return Future.failedFuture(unknown(name));
      }
      announceDeleted(name);
      return Future.succeededFuture(Reply.noContent());
    });
  }

  /**
   * {@code POST /api/rules/{name}/test?symbol=&venue=}: evaluates the stored rule against the symbol's latest
   * features. {@code would_fire} is the condition's verdict on an enabled rule; the live engine also waits for the
   * edge and the cooldown, which depend on history this answer does not replay.
   */
  private Future<Reply> test(RoutingContext ctx) {
    MultiMap params = ctx.queryParams();
    QueryParams.rejectUnknownAndRepeated(params, TEST_PARAMETERS);
    String symbol = QueryParams.required(params, "symbol", "BTC-USD");
    String venue = QueryParams.optional(params, "venue", "a venue name, or no venue parameter for the newest");
    return existing(pathName(ctx)).map(rule -> {
      FeatureSnapshot snapshot = snapshot(symbol, venue);
      return Reply.ok(outcome(compiler.compile(rule), snapshot));
    });
  }

  private RuleStore store() {
    if (store == null) {
      throw ApiException.noDatabase();
    }
    return store;
  }

  private static String pathName(RoutingContext ctx) {
    return ctx.pathParam("name");
  }

  /** The rule the path names, or a 404. */
  private Future<Rule> existing(String name) {
    return store().get(name).compose(rule -> rule == null ? Future.failedFuture(unknown(name))
        : Future.succeededFuture(rule));
  }

  private static ApiException unknown(String name) {
    return ApiException.notFound("no rule named '" + name + "'");
  }

  private static JsonArray toJson(List<Rule> rules) {
    JsonArray array = new JsonArray();
    rules.forEach(rule -> array.add(rule.toJson()));
    return array;
  }

  /** The body may leave the name out; when given it must be the path's, because renaming is a create and a delete. */
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

  private static String condition(JsonObject body) {
    Object value = body.getValue("condition");
    if (!(value instanceof String condition) || condition.isBlank()) {
      throw new RuleFormatException("condition", value == null ? "is required" : "must be a non-empty string");
    }
    return condition;
  }

  private FeatureSnapshot snapshot(String symbol, String venue) {
    FeatureSnapshot snapshot = features.find(symbol, venue);
    if (snapshot == null) {
      throw ApiException.notFound("no features for symbol '" + symbol + "'" + (venue == null ? "" : " on venue '"
          + venue + "'") + " yet; they appear once its first bars close");
    }
    return snapshot;
  }

  private static JsonObject outcome(CompiledRule compiled, FeatureSnapshot snapshot) {
    Verdict verdict = compiled.evaluate(snapshot);
    return new JsonObject()
        .put("rule", compiled.rule().name())
        .put("version", compiled.rule().version())
        .put("enabled", compiled.rule().enabled())
        .put("symbol", snapshot.symbol())
        .put("venue", snapshot.venue())
        .put("ts", IsoTime.format(snapshot.ts()))
        .put("price", snapshot.price())
        .put("verdict", verdict.name().toLowerCase(Locale.ROOT))
        .put("would_fire", verdict == Verdict.TRUE && compiled.rule().enabled())
        .put("features", new JsonObject(new LinkedHashMap<>(compiled.usedValues(snapshot))));
  }

  /** The notice names the rule only for logs; receivers reload the whole table. */
  private void announceChanged(Rule rule) {
    bus.publish(Addresses.RULES_CHANGED, new JsonObject().put("rule", rule.name()).put("version", rule.version()));
  }

  private void announceDeleted(String name) {
    bus.publish(Addresses.RULES_CHANGED, new JsonObject().put("rule", name).put("deleted", true));
  }
}
