package io.tickwire.web;

import io.tickwire.coverage.Channel;
import io.tickwire.coverage.CoverageReport;
import io.tickwire.flow.Clock;
import io.tickwire.store.CoverageStore;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * {@code GET /api/coverage?venue=&symbol=&channel=&from=&to=}: what the completeness ledger holds for a range of
 * event time, per stream: covered spans, holes with their causes, percent complete.
 */
final class CoverageResource {
  /** Segments read at most; a report cut there says {@code truncated}. */
  static final int MAX_SEGMENTS = 10_000;
  private static final List<String> PARAMETERS = List.of("venue", "symbol", "channel", "from", "to");

  private final CoverageStore store;

  /** @param store null when this node has no database: every valid request then answers 503 */
  CoverageResource(CoverageStore store) {
    this.store = store;
  }

  void mount(Router router) {
    router.get("/api/coverage").handler(this::coverage);
  }

  record Query(String venue, String symbol, String channel, long from, long to) {
  }

  private void coverage(RoutingContext ctx) {
    Replies.query(ctx, "coverage", this::parse, store == null ? null : this::find, r -> r.toJson().toBuffer());
  }

  private Future<CoverageReport> find(Query q) {
    return store.inRange(q.venue(), q.symbol(), q.channel(), q.from(), q.to(), MAX_SEGMENTS + 1)
        .map(rows -> CoverageReport.of(rows.size() > MAX_SEGMENTS ? rows.subList(0, MAX_SEGMENTS) : rows,
            q.from(), q.to(), Clock.nowMicros(), rows.size() > MAX_SEGMENTS));
  }

  Query parse(MultiMap params) {
    QueryParams.rejectUnknownAndRepeated(params, PARAMETERS);
    String venue = QueryParams.optional(params, "venue", "a venue name such as coinbase, or no venue parameter");
    String symbol = QueryParams.optional(params, "symbol", "a symbol such as BTC-USD, or no symbol parameter");
    String channel = QueryParams.optional(params, "channel", "trades, book or quotes");
    if (channel != null) {
      try {
        Channel.parse(channel);
      } catch (IllegalArgumentException e) {
        throw ApiException.badParameter("channel", channel, "trades, book or quotes");
      }
    }
    long from = QueryParams.time(params, "from", QueryParams.EARLIEST);
    long to = QueryParams.time(params, "to", QueryParams.LATEST + 1);
    QueryParams.requireOrdered(params, from, to);
    return new Query(venue, symbol, channel, from, to);
  }
}
