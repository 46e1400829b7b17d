package io.tickwire.web;

import io.tickwire.codecs.SpotMid;
import io.tickwire.store.SpotMidStore;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * {@code GET /api/mid}: one asset's consolidated spot mid samples as a JSON array of v1 spot_mid objects, newest
 * first.
 */
final class MidResource {
  static final int DEFAULT_LIMIT = 500;
  static final int MAX_LIMIT = 5000;

  private static final List<String> PARAMETERS = List.of("asset", "from", "to", "limit");

  /** A validated request: times in epoch microseconds, {@code from} inclusive, {@code to} exclusive. */
  record Query(String asset, long from, long to, int limit) {
  }

  private final SpotMidStore store;

  /** @param store null when this node has no database: every valid request then answers 503 */
  MidResource(SpotMidStore store) {
    this.store = store;
  }

  void mount(Router router) {
    router.get("/api/mid").handler(this::mid);
  }

  private void mid(RoutingContext ctx) {
    Replies.query(ctx, "mid", MidResource::parse, store == null ? null : this::find, Replies::v1Array);
  }

  private Future<List<SpotMid>> find(Query query) {
    return store.find(query.asset(), query.from(), query.to(), query.limit());
  }

  /** The request, or an {@link ApiException} naming the first parameter that is wrong. */
  static Query parse(MultiMap params) {
    QueryParams.rejectUnknownAndRepeated(params, PARAMETERS);
    String asset = QueryParams.required(params, "asset", "BTC");
    long from = QueryParams.time(params, "from", QueryParams.EARLIEST);
    long to = QueryParams.time(params, "to", QueryParams.LATEST + 1);
    QueryParams.requireOrdered(params, from, to);
    return new Query(asset, from, to, QueryParams.limit(params, DEFAULT_LIMIT, MAX_LIMIT));
  }
}
