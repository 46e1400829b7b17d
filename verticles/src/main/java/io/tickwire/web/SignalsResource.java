package io.tickwire.web;

import io.tickwire.store.SignalStore;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * {@code GET /api/signals}: {@code {"signals":[v1 signal...],"next_cursor":"..."|null}}, newest first. Pass
 * {@code next_cursor} back as {@code cursor} (with the same filters) for the next page; null means no more.
 */
final class SignalsResource {
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1000;

  private static final List<String> PARAMETERS = List.of("symbol", "name", "from", "to", "limit", "cursor");

  private final SignalStore store;

  /** @param store null when this node has no database: every valid request then answers 503 */
  SignalsResource(SignalStore store) {
    this.store = store;
  }

  void mount(Router router) {
    router.get("/api/signals").handler(this::signals);
  }

  private void signals(RoutingContext ctx) {
    Replies.query(ctx, "signals", SignalsResource::parse, store == null ? null : this::find, SignalsResource::body);
  }

  private Future<SignalStore.Page> find(SignalsQuery query) {
    SignalCursor after = query.after();
    return store.find(query.symbol(), query.name(), query.from(), query.to(),
        after == null ? null : new SignalStore.Key(after.ts(), after.symbol(), after.name(), after.provider()),
        query.limit());
  }

  /** The request, or an {@link ApiException} naming the first parameter that is wrong. */
  static SignalsQuery parse(MultiMap params) {
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

  /** The signals as the v1 writer writes them, so the API's signals are byte-for-byte the contract's. */
  private static Buffer body(SignalStore.Page page) {
    SignalStore.Key last = page.next();
    String next = last == null ? "null"
        : Json.encode(new SignalCursor(last.ts(), last.symbol(), last.name(), last.provider()).encode());
    return Buffer.buffer().appendString("{\"signals\":").appendBuffer(Replies.v1Array(page.signals()))
        .appendString(",\"next_cursor\":").appendString(next).appendString("}");
  }
}
