package io.tickwire.connector.coinbase;

import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.IsoTime;
import io.tickwire.codecs.Side;
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
 * Coinbase Exchange's {@code GET /products/{id}/trades?after=<id>&limit=<n>}: a JSON array of
 * {@code {time, trade_id, price, size, side}}, newest first, every trade older than {@code after}. Trades become what
 * the websocket's {@code match} would have made of them (the side flipped from the maker's to the aggressor's), so
 * bars built from them equal bars built from the live stream.
 */
public final class CoinbaseTradeHistory implements TradeHistory {
  static final String BAD_TRADE = "bad_trade";
  static final String ABSURD_ID = "absurd_id";

  @Override
  public String firstPage(String base, TradeHole hole, int limit) {
    return page(base, hole.symbol(), hole.beforeId(), limit);
  }

  @Override
  public Page read(String base, TradeHole hole, String body, int limit, long receivedMicros) {
    JsonArray items = TradeHistory.jsonArray(body, "trades");
    if (items.size() > limit) {
      throw new BadPage("huge_page", items.size() + " trades for a limit of " + limit);
    }
    List<Trade> trades = new ArrayList<>();
    Map<String, Integer> rejected = new HashMap<>();
    long oldest = Long.MAX_VALUE;
    for (Object item : items) {
      long id = TradeHistory.integerField(item, "trade_id");
      if (id <= 0 || id >= hole.beforeId()) {
        rejected.merge(id == Long.MIN_VALUE ? BAD_TRADE : ABSURD_ID, 1, Integer::sum);
        continue;
      }
      oldest = Math.min(oldest, id);
      if (hole.contains(id)) {
        Trade trade = trade(hole.symbol(), (JsonObject) item, id, receivedMicros);
        if (trade == null) {
          rejected.merge(BAD_TRADE, 1, Integer::sum);
        } else {
          trades.add(trade);
        }
      }
    }
    boolean reachedStart = oldest <= hole.afterId() + 1;
    boolean more = !reachedStart && items.size() == limit && oldest != Long.MAX_VALUE;
    return new Page(trades, more ? page(base, hole.symbol(), oldest, limit) : null, reachedStart, rejected);
  }

  private static String page(String base, String product, long after, int limit) {
    return base + "/products/" + URLEncoder.encode(product, StandardCharsets.UTF_8) + "/trades?after=" + after
        + "&limit=" + limit;
  }

  /** The trade, or null when a field is missing or not what Coinbase documents. */
  private static Trade trade(String product, JsonObject o, long id, long receivedMicros) {
    try {
      Side maker = Side.fromWire(o.getString("side"));
      long price = Decimals.parse(o.getString("price"));
      long size = Decimals.parse(o.getString("size"));
      if (maker == null || !(Decimals.toDouble(price) > 0) || !(Decimals.toDouble(size) > 0)) {
        return null;
      }
      Side taker = maker == Side.BUY ? Side.SELL : Side.BUY;
      return new Trade("coinbase", product, Long.toString(id), price, size, taker, IsoTime.parse(o.getString("time")),
          receivedMicros, 0);
    } catch (RuntimeException e) { // a field of the wrong type, an unparseable number or time
      return null;
    }
  }
}
