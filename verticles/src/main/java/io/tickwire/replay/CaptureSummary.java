package io.tickwire.replay;

import io.tickwire.book.OrderBook;
import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.MarketEvent;
import io.tickwire.codecs.OptionTicker;
import io.tickwire.codecs.Quote;
import io.tickwire.connector.venue.SessionStats;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a capture replay saw, as the one JSON object {@code replay --capture --summary json} prints: the session's
 * counts (events by kind, books and how many are in sync, sequence checks, heartbeats), and per symbol the top of
 * book at the end (from its order book, else its last quote or option ticker; exact decimals as strings, null when
 * that side is empty) and how many trades it had.
 */
public final class CaptureSummary {
  private CaptureSummary() {
  }

  public static JsonObject of(String venue, String protocol, SessionStats stats, Map<String, OrderBook> books,
      long booksInSync, List<MarketEvent> events) {
    return new JsonObject()
        .put("venue", venue)
        .put("protocol", protocol)
        .put("frames", stats.frames())
        .put("trades", stats.trades())
        .put("quotes", stats.quotes())
        .put("book_updates", stats.bookUpdates())
        .put("option_tickers", stats.optionTickers())
        .put("mark_funding", stats.markFunding())
        .put("volatility_index", stats.volatilityIndex())
        .put("books", books.size())
        .put("books_in_sync", booksInSync)
        .put("sequence_continuous", stats.continuous())
        .put("heartbeats_answered", stats.heartbeats())
        .put("checksum_ok", stats.checksumOk())
        .put("checksum_failed", stats.checksumFailed())
        .put("gaps", stats.gaps())
        .put("resyncs", stats.resyncs())
        .put("gap_markers", stats.gapMarkers())
        .put("parse_errors", stats.parseErrors())
        .put("schema_drift", stats.schemaDrift())
        .put("last_error", stats.lastError().isEmpty() ? null : stats.lastError())
        .put("symbols", symbols(books, events));
  }

  private static JsonObject symbols(Map<String, OrderBook> books, List<MarketEvent> events) {
    Map<String, JsonObject> bySymbol = new TreeMap<>();
    Map<String, Long> trades = new TreeMap<>();
    for (MarketEvent e : events) {
      switch (e.kind()) {
        case TRADE -> trades.merge(e.symbol(), 1L, Long::sum);
        case QUOTE -> bySymbol.put(e.symbol(), top(((Quote) e).bidPrice(), ((Quote) e).askPrice()));
        case OPTION_TICKER -> bySymbol.put(e.symbol(), tickerTop((OptionTicker) e));
        default -> bySymbol.computeIfAbsent(e.symbol(), s -> top(OrderBook.NONE, OrderBook.NONE));
      }
    }
    trades.keySet().forEach(s -> bySymbol.computeIfAbsent(s, x -> top(OrderBook.NONE, OrderBook.NONE)));
    books.forEach((symbol, book) -> {
      if (!book.isEmpty(io.tickwire.codecs.Side.BUY) || !book.isEmpty(io.tickwire.codecs.Side.SELL)) {
        bySymbol.put(symbol, top(book.bestBid(), book.bestAsk()));
      }
    });
    JsonObject out = new JsonObject();
    bySymbol.forEach((symbol, top) -> out.put(symbol, top.put("trades", trades.getOrDefault(symbol, 0L))));
    return out;
  }

  /** A ticker's zero price means "no order on that side", the same as an empty book side. */
  private static JsonObject tickerTop(OptionTicker ticker) {
    return top(Decimals.isPositive(ticker.bidPrice()) ? ticker.bidPrice() : OrderBook.NONE,
        Decimals.isPositive(ticker.askPrice()) ? ticker.askPrice() : OrderBook.NONE);
  }

  private static JsonObject top(long bid, long ask) {
    return new JsonObject().put("best_bid", price(bid)).put("best_ask", price(ask));
  }

  private static String price(long packed) {
    return packed == OrderBook.NONE ? null : Decimals.toString(packed);
  }
}
