package io.tickwire.connector.venue;

import io.tickwire.codecs.Trade;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** A venue's public REST trade history, paged: where to ask for a hole's trades and how to read an answer. */
public interface TradeHistory {
  /** The URL of the first page for {@code hole}, under {@code base}. */
  String firstPage(String base, TradeHole hole, int limit);

  /**
   * Reads one page: the trades inside the hole, and where to ask next (null when the page reached the hole's start
   * or the venue's history ended). A page that is not the documented shape throws {@link BadPage}; one bad trade in
   * it is counted in {@code rejected} by reason and skipped.
   */
  Page read(String base, TradeHole hole, String body, int limit, long receivedMicros);

  /** The answer as a JSON array of {@code what}; anything else is a {@link BadPage}. */
  static JsonArray jsonArray(String body, String what) {
    Object parsed;
    try {
      parsed = Json.decodeValue(body);
    } catch (DecodeException e) {
      throw new BadPage("not_json", e.getMessage());
    }
    if (!(parsed instanceof JsonArray array)) {
      throw new BadPage("wrong_shape", "expected a JSON array of " + what + ", got "
          + (parsed == null ? "null" : parsed.getClass().getSimpleName()));
    }
    return array;
  }

  /** The item's integer field {@code key}, {@link Long#MIN_VALUE} when the item is no object with an integer there. */
  static long integerField(Object item, String key) {
    if (item instanceof JsonObject o && o.getValue(key) instanceof Number n && n.doubleValue() == n.longValue()) {
      return n.longValue();
    }
    return Long.MIN_VALUE;
  }

  /** One page read. {@code reachedStart}: the history goes back to the hole's first missing id. */
  record Page(List<Trade> trades, String next, boolean reachedStart, java.util.Map<String, Integer> rejected) {
  }

  /** An answer that is not a page of the venue's documented shape; {@code reason} is the counter's label. */
  final class BadPage extends RuntimeException {
    private final String reason;

    public BadPage(String reason, String detail) {
      super(reason + ": " + detail);
      this.reason = reason;
    }

    public String reason() {
      return reason;
    }
  }
}
