package io.tickwire.connector.binance;

import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.Trade;
import io.tickwire.connector.venue.TradeHistory;
import io.tickwire.connector.venue.TradeHole;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Binance's aggregate trade history, {@code GET /api/v3/aggTrades?symbol=<S>&fromId=<id>&limit=<n>} (spot) or
 * {@code /fapi/v1/aggTrades} (USD-M futures): a JSON array of {@code {a, p, q, f, l, T, m, M}}, oldest first, from
 * aggregate id {@code fromId} on. Paged forwards from the first missing id. Each item becomes exactly the trade the
 * websocket's {@code aggTrade} payload makes ({@link BinanceMarketFrames#trade}), so bars built from them equal bars
 * built from the live stream.
 */
public final class BinanceTradeHistory implements TradeHistory {
  static final String BAD_TRADE = "bad_trade";
  static final String ABSURD_ID = "absurd_id";

  private final BinanceMarket market;

  public BinanceTradeHistory(BinanceMarket market) {
    this.market = market;
  }

  @Override
  public String firstPage(String base, TradeHole hole, int limit) {
    return page(base, hole.symbol(), hole.afterId() + 1, limit);
  }

  @Override
  public Page read(String base, TradeHole hole, String body, int limit, long receivedMicros) {
    JsonArray items = TradeHistory.jsonArray(body, "aggregate trades");
    if (items.size() > limit) {
      throw new BadPage("huge_page", items.size() + " trades for a limit of " + limit);
    }
    List<Trade> trades = new ArrayList<>();
    Map<String, Integer> rejected = new HashMap<>();
    long oldest = Long.MAX_VALUE;
    long newest = Long.MIN_VALUE;
    for (Object item : items) {
      long id = TradeHistory.integerField(item, "a");
      if (id == Long.MIN_VALUE || id <= hole.afterId()) { // asked from afterId + 1: an older id is not an answer
        rejected.merge(id == Long.MIN_VALUE ? BAD_TRADE : ABSURD_ID, 1, Integer::sum);
        continue;
      }
      oldest = Math.min(oldest, id);
      newest = Math.max(newest, id);
      if (hole.contains(id)) {
        Trade trade = trade(hole.symbol(), (JsonObject) item, receivedMicros);
        if (trade == null) {
          rejected.merge(BAD_TRADE, 1, Integer::sum);
        } else {
          trades.add(trade);
        }
      }
    }
    boolean reachedStart = oldest == hole.afterId() + 1;
    boolean more = items.size() == limit && newest != Long.MIN_VALUE && newest < hole.beforeId() - 1;
    return new Page(trades, more ? page(base, hole.symbol(), newest + 1, limit) : null, reachedStart, rejected);
  }

  private String page(String base, String symbol, long fromId, int limit) {
    String path = market == BinanceMarket.USDM ? "/fapi/v1/aggTrades" : "/api/v3/aggTrades";
    return base + path + "?symbol=" + URLEncoder.encode(symbol, StandardCharsets.UTF_8) + "&fromId=" + fromId
        + "&limit=" + limit;
  }

  /**
   * The trade the websocket would have made of the item (REST items lack the payload's symbol {@code s}), or null
   * when a field is missing, of the wrong type, or not a positive price and quantity.
   */
  private Trade trade(String symbol, JsonObject item, long receivedMicros) {
    try {
      Trade trade = BinanceMarketFrames.trade(market.venue(), item.copy().put("s", symbol), true, receivedMicros);
      boolean sane = Decimals.toDouble(trade.price()) > 0 && Decimals.toDouble(trade.size()) > 0
          && trade.eventTime() > 0;
      return sane ? trade : null;
    } catch (RuntimeException e) { // a field of the wrong type or an unparseable number
      return null;
    }
  }
}
