package io.tickwire.web;

import io.tickwire.codecs.Bar;
import io.tickwire.codecs.Intervals;
import io.tickwire.store.BarStore;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** {@code GET /api/bars}: bars as a JSON array of v1 bar objects, newest first. */
final class BarsResource {
  static final int DEFAULT_LIMIT = 500;
  static final int MAX_LIMIT = 5000;
  static final String DEFAULT_INTERVAL = "1s";

  private static final List<String> PARAMETERS = List.of("symbol", "venue", "interval", "from", "to", "limit");

  private final long[] intervalsMillis;
  private final BarStore store;

  /**
   * @param intervalsMillis the intervals the batcher builds; no other interval has bars to serve
   * @param store null when this node has no database: every valid request then answers 503
   */
  BarsResource(long[] intervalsMillis, BarStore store) {
    this.intervalsMillis = intervalsMillis.clone();
    this.store = store;
  }

  void mount(Router router) {
    router.get("/api/bars").handler(this::bars);
  }

  private void bars(RoutingContext ctx) {
    Replies.query(ctx, "bars", this::parse, store == null ? null : this::find, Replies::v1Array);
  }

  private Future<List<Bar>> find(BarsQuery query) {
    return store.find(query.symbol(), query.venue(), query.intervalMillis(), query.from(), query.to(),
        query.limit());
  }

  /** The request, or an {@link ApiException} naming the first parameter that is wrong. */
  BarsQuery parse(MultiMap params) {
    QueryParams.rejectUnknownAndRepeated(params, PARAMETERS);
    String symbol = QueryParams.required(params, "symbol", "BTC-USD");
    String venue = QueryParams.optional(params, "venue", "a venue name such as coinbase, or no venue parameter "
        + "for every venue");
    long intervalMillis = interval(params);
    long from = QueryParams.time(params, "from", QueryParams.EARLIEST);
    long to = QueryParams.time(params, "to", QueryParams.LATEST + 1);
    QueryParams.requireOrdered(params, from, to);
    return new BarsQuery(symbol, venue, intervalMillis, from, to, QueryParams.limit(params, DEFAULT_LIMIT, MAX_LIMIT));
  }

  private long interval(MultiMap params) {
    String text = params.get("interval");
    if (text == null) {
      text = DEFAULT_INTERVAL;
    }
    long millis;
    try {
      millis = Intervals.parse(text);
    } catch (IllegalArgumentException e) {
      throw ApiException.badParameter("interval", text, "one of the configured intervals " + configured());
    }
    if (Arrays.stream(intervalsMillis).noneMatch(configured -> configured == millis)) {
      throw ApiException.badParameter("interval", text, "one of the configured intervals " + configured()
          + " (no bars are built for others)");
    }
    return millis;
  }

  private String configured() {
    List<String> labels = new ArrayList<>();
    for (long millis : intervalsMillis) {
      labels.add(Intervals.label(millis));
    }
    return labels.toString();
  }
}
