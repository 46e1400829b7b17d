package io.tickwire.web;

import io.tickwire.codecs.Bar;
import io.tickwire.store.BarStore;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.util.List;

/** {@code GET /api/bars}: bars as a JSON array of v1 bar objects, newest first. */
final class BarsHandler extends DatabaseQueryHandler<BarsQuery, List<Bar>> {
  private final BarsQueryParser parser;
  private final BarStore store;

  /** @param store null when this node has no database: every valid request then answers 503 */
  BarsHandler(BarsQueryParser parser, BarStore store) {
    super("bars", store != null);
    this.parser = parser;
    this.store = store;
  }

  @Override
  BarsQuery parse(MultiMap params) {
    return parser.parse(params);
  }

  @Override
  Future<List<Bar>> find(BarsQuery query) {
    return store.find(query.symbol(), query.venue(), query.intervalMillis(), query.from(), query.to(),
        query.limit());
  }

  @Override
  Buffer body(List<Bar> bars) {
    return Responses.v1Array(bars);
  }
}
