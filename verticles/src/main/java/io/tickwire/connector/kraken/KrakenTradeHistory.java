package io.tickwire.connector.kraken;

import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.Side;
import io.tickwire.codecs.Trade;
import io.tickwire.connector.ExactJson;
import io.tickwire.connector.venue.TradeHistory;
import io.tickwire.connector.venue.TradeHole;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Kraken's {@code GET /0/public/Trades?pair=<PAIR>&since=<ns>&count=<n>}:
 * {@code {"error":[],"result":{"<PAIR>":[[price, volume, time, side, type, misc, trade_id], ...],"last":"<ns>"}}},
 * oldest first, paged by time: the first page starts just before the last trade before the hole, each next one at
 * the {@code last} cursor. Trades are kept by {@code trade_id}, which is the websocket v2 {@code trade_id}, and become
 * what {@link KrakenV2Session} makes of a {@code trade} entry (the side is the taker's in both). The pair is asked for
 * without its slash ({@code BTC/USD} as {@code BTCUSD}); the answer's key is Kraken's own name for it, whatever it is.
 * Kraken's REST time has fewer decimals than the websocket's, so a backfilled trade's time may be up to 100 µs
 * earlier than the live one would have been; its bar is the same unless the trade sat that close to a bar's edge.
 */
public final class KrakenTradeHistory implements TradeHistory {
  static final String BAD_TRADE = "bad_trade";
  static final String ABSURD_ID = "absurd_id";
  private static final int ID = 6;

  @Override
  public String firstPage(String base, TradeHole hole, int limit) {
    // one microsecond early, in nanoseconds: trades sharing the last trade's time are in the page, kept by id
    return page(base, hole.symbol(), String.valueOf(Math.max(0, hole.afterMicros() - 1) * 1000), limit);
  }

  @Override
  public Page read(String base, TradeHole hole, String body, int limit, long receivedMicros) {
    Map<String, Object> result = result(body);
    List<Object> items = trades(result);
    if (items.size() > limit) {
      throw new BadPage("huge_page", items.size() + " trades for a limit of " + limit);
    }
    List<Trade> trades = new ArrayList<>();
    Map<String, Integer> rejected = new HashMap<>();
    long oldest = Long.MAX_VALUE;
    long newest = Long.MIN_VALUE;
    for (Object item : items) {
      long id = tradeId(item);
      if (id <= 0) {
        rejected.merge(id == Long.MIN_VALUE ? BAD_TRADE : ABSURD_ID, 1, Integer::sum);
        continue;
      }
      oldest = Math.min(oldest, id);
      newest = Math.max(newest, id);
      if (hole.contains(id)) {
        Trade trade = trade(hole.symbol(), (List<?>) item, id, receivedMicros);
        if (trade == null) {
          rejected.merge(BAD_TRADE, 1, Integer::sum);
        } else {
          trades.add(trade);
        }
      }
    }
    String last = result.get("last") instanceof String s && s.matches("\\d{1,20}") ? s : null;
    boolean reachedStart = oldest <= hole.afterId() + 1;
    boolean more = items.size() == limit && last != null && newest != Long.MIN_VALUE && newest < hole.beforeId() - 1;
    return new Page(trades, more ? page(base, hole.symbol(), last, limit) : null, reachedStart, rejected);
  }

  private static String page(String base, String pair, String sinceNanos, int limit) {
    return base + "/0/public/Trades?pair=" + URLEncoder.encode(pair.replace("/", ""), StandardCharsets.UTF_8)
        + "&since=" + sinceNanos + "&count=" + limit;
  }

  /** The answer's {@code result}; an answer with errors, or of another shape, is no page. */
  private static Map<String, Object> result(String body) {
    Map<String, Object> answer;
    try {
      answer = ExactJson.parseObject(body);
    } catch (IllegalArgumentException e) {
      throw new BadPage("not_json", e.getMessage());
    }
    if (answer.get("error") instanceof List<?> errors && !errors.isEmpty()) {
      throw new BadPage("venue_error", String.valueOf(errors));
    }
    if (!(answer.get("result") instanceof Map<?, ?>)) {
      throw new BadPage("wrong_shape", "expected {\"error\":[],\"result\":{..}}");
    }
    return ExactJson.object(answer.get("result"), "result");
  }

  /** The one array of trades in {@code result}, under whatever name Kraken gives the pair. */
  private static List<Object> trades(Map<String, Object> result) {
    List<Object> found = null;
    for (Map.Entry<String, Object> entry : result.entrySet()) {
      if ("last".equals(entry.getKey())) {
        continue;
      }
      if (!(entry.getValue() instanceof List<?>) || found != null) {
        throw new BadPage("wrong_shape", "expected one pair's array of trades and \"last\" in result, got "
            + result.keySet());
      }
      found = ExactJson.array(result, entry.getKey());
    }
    if (found == null) {
      throw new BadPage("wrong_shape", "no array of trades in result");
    }
    return found;
  }

  /** The entry's {@code trade_id}, {@link Long#MIN_VALUE} when it is no array with an integer there. */
  private static long tradeId(Object item) {
    if (item instanceof List<?> entry && entry.size() > ID && entry.get(ID) instanceof ExactJson.Num n
        && n.text().matches("-?\\d{1,18}")) {
      return Long.parseLong(n.text());
    }
    return Long.MIN_VALUE;
  }

  /** The trade, or null when a field is missing, of the wrong type, or not a positive price, volume and time. */
  private static Trade trade(String pair, List<?> entry, long id, long receivedMicros) {
    try {
      long price = Decimals.parse((String) entry.get(0));
      long volume = Decimals.parse((String) entry.get(1));
      long time = KrakenTimes.epochSecondsToMicros(((ExactJson.Num) entry.get(2)).text());
      Side side = "b".equals(entry.get(3)) ? Side.BUY : "s".equals(entry.get(3)) ? Side.SELL : null;
      if (side == null || !(Decimals.toDouble(price) > 0) || !(Decimals.toDouble(volume) > 0) || time <= 0) {
        return null;
      }
      return new Trade(KrakenV2Session.VENUE, pair, Long.toString(id), price, volume, side, time, receivedMicros, 0);
    } catch (RuntimeException e) { // a field of the wrong type or an unparseable number
      return null;
    }
  }
}
