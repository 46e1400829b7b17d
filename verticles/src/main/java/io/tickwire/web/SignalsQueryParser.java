package io.tickwire.web;

import io.vertx.core.MultiMap;
import java.util.List;

/** Turns {@code /api/signals} query parameters into a {@link SignalsQuery}, or a 400 naming the bad parameter. */
final class SignalsQueryParser {
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1000;

  private static final List<String> PARAMETERS = List.of("symbol", "name", "from", "to", "limit", "cursor");

  SignalsQuery parse(MultiMap params) {
    QueryParams.rejectUnknownAndRepeated(params, PARAMETERS);
    String symbol = QueryParams.optional(params, "symbol", "a symbol such as BTC-USD, or no symbol parameter for "
        + "every symbol");
    String name = QueryParams.optional(params, "name", "a signal name such as rsi_oversold, or no name parameter "
        + "for every signal");
    long from = QueryParams.time(params, "from", QueryParams.EARLIEST);
    long to = QueryParams.time(params, "to", QueryParams.LATEST + 1);
    QueryParams.requireOrdered(params, from, to);
    int limit = QueryParams.limit(params, DEFAULT_LIMIT, MAX_LIMIT);
    String cursor = QueryParams.optional(params, "cursor", "a next_cursor value from an earlier answer");
    return new SignalsQuery(symbol, name, from, to, limit, cursor == null ? null : SignalCursor.decode(cursor));
  }
}
