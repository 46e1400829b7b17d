package io.tickwire.connector.venue;

import io.tickwire.codecs.Trade;
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
