package io.tickwire.web;

import io.tickwire.codecs.FeatureSnapshot;
import io.tickwire.codecs.IsoTime;
import io.tickwire.inference.CompiledRule;
import io.tickwire.inference.RuleCompiler;
import io.tickwire.inference.RuleStore;
import io.tickwire.inference.Verdict;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;

/**
 * {@code POST /api/rules/{name}/test?symbol=&venue=}: evaluates the stored rule against the symbol's latest
 * features and says whether it would fire. {@code would_fire} is the condition's verdict on an enabled rule; the
 * live engine also waits for the edge and the cooldown, which depend on history this answer does not replay.
 */
final class RuleTestHandler extends RuleStoreHandler {
  private static final List<String> PARAMETERS = List.of("symbol", "venue");

  private final RuleCompiler compiler;
  private final LatestFeatures features;

  RuleTestHandler(RuleStore store, RuleCompiler compiler, LatestFeatures features) {
    super(store);
    this.compiler = compiler;
    this.features = features;
  }

  @Override
  Future<Replies.Reply> serve(RoutingContext ctx) {
    MultiMap params = ctx.queryParams();
    QueryParams.rejectUnknownAndRepeated(params, PARAMETERS);
    String symbol = QueryParams.required(params, "symbol", "BTC-USD");
    String venue = QueryParams.optional(params, "venue", "a venue name, or no venue parameter for the newest");
    return existing(pathName(ctx)).map(rule -> {
      FeatureSnapshot snapshot = snapshot(symbol, venue);
      return Replies.Reply.ok(outcome(compiler.compile(rule), snapshot));
    });
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
        .put("features", new JsonObject(new java.util.LinkedHashMap<>(compiled.usedValues(snapshot))));
  }
}
