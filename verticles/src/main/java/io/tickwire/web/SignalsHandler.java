package io.tickwire.web;

import io.tickwire.store.SignalStore;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;

/**
 * {@code GET /api/signals}: {@code {"signals":[v1 signal...],"next_cursor":"..."|null}}, newest first. Pass
 * {@code next_cursor} back as {@code cursor} (with the same filters) for the next page; null means no more.
 */
final class SignalsHandler extends DatabaseQueryHandler<SignalsQuery, SignalStore.Page> {
  private final SignalsQueryParser parser = new SignalsQueryParser();
  private final SignalStore store;

  /** @param store null when this node has no database: every valid request then answers 503 */
  SignalsHandler(SignalStore store) {
    super("signals", store != null);
    this.store = store;
  }

  @Override
  SignalsQuery parse(MultiMap params) {
    return parser.parse(params);
  }

  @Override
  Future<SignalStore.Page> find(SignalsQuery query) {
    SignalCursor after = query.after();
    return store.find(query.symbol(), query.name(), query.from(), query.to(),
        after == null ? null : new SignalStore.Key(after.ts(), after.symbol(), after.name(), after.provider()),
        query.limit());
  }

  /** The signals as the v1 writer writes them, so the API's signals are byte-for-byte the contract's. */
  @Override
  Buffer body(SignalStore.Page page) {
    SignalStore.Key last = page.next();
    String next = last == null ? "null"
        : Json.encode(new SignalCursor(last.ts(), last.symbol(), last.name(), last.provider()).encode());
    return Buffer.buffer().appendString("{\"signals\":").appendBuffer(Responses.v1Array(page.signals()))
        .appendString(",\"next_cursor\":").appendString(next).appendString("}");
  }
}
