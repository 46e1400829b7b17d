package io.tickwire.connector.kraken;

import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.Quote;
import io.tickwire.codecs.Side;
import io.tickwire.codecs.Trade;
import io.tickwire.connector.venue.SessionOutput;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Kraken websocket v1 {@code trade} and {@code ticker} array frames into trades and quotes. Prices and sizes are
 * decimal strings, parsed exactly. Throws {@link IllegalArgumentException} naming the bad value; the session counts
 * it.
 * <pre>
 * [channelID, [[price, volume, time, side, orderType, misc], ...], "trade", pair]
 * [channelID, {"a":[price, wholeLotVolume, lotVolume], "b":[...], "c":[...], ...}, "ticker", pair]
 * </pre>
 */
final class KrakenV1Market {
  private static final int TRADE_FIELDS = 4;

  private KrakenV1Market() {
  }

  /**
   * One trade per entry. v1 trades carry no id, so the id is made from what identifies the trade within the
   * stream: the exchange time as received plus the entry's index in its frame ({@code "1618678150.826417-1"}).
   * It is deterministic, so replaying a capture yields the same ids and the trade sink's
   * {@code ON CONFLICT (venue, symbol, trade_id)} deduplicates; the index separates fills of one taker order that
   * Kraken reports in one frame with the same microsecond. Kraken's {@code side} is the taker's, which is
   * tickwire's aggressor side.
   */
  static void trades(String venue, String pair, JsonArray frame, long receivedMicros, SessionOutput output) {
    JsonArray entries = frame.getJsonArray(1);
    for (int i = 0; i < entries.size(); i++) {
      JsonArray entry = entries.getJsonArray(i);
      if (entry.size() < TRADE_FIELDS) {
        throw new IllegalArgumentException("trade entry " + entry.encode() + " for " + pair + " has "
            + entry.size() + " fields, expected at least " + TRADE_FIELDS);
      }
      String time = entry.getString(2);
      output.event(new Trade(venue, pair, time + '-' + i, Decimals.parse(entry.getString(0)),
          Decimals.parse(entry.getString(1)), side(entry.getString(3), pair), KrakenTimes.epochSecondsToMicros(time),
          receivedMicros, 0));
    }
  }

  /**
   * The best bid and ask with their lot volumes (the exact decimal; {@code wholeLotVolume} is a rounded count).
   * v1 tickers carry no exchange time, so the event time is when the frame was received.
   */
  static void quote(String venue, String pair, JsonArray frame, long receivedMicros, SessionOutput output) {
    JsonObject ticker = frame.getJsonObject(1);
    JsonArray bid = topLevel(ticker, "b", pair);
    JsonArray ask = topLevel(ticker, "a", pair);
    output.event(new Quote(venue, pair, Decimals.parse(bid.getString(0)), Decimals.parse(bid.getString(2)),
        Decimals.parse(ask.getString(0)), Decimals.parse(ask.getString(2)), receivedMicros, receivedMicros, 0));
  }

  private static JsonArray topLevel(JsonObject ticker, String key, String pair) {
    JsonArray level = ticker.getJsonArray(key);
    if (level == null || level.size() < 3) {
      throw new IllegalArgumentException("ticker for " + pair + " has no [price, wholeLotVolume, lotVolume] in '"
          + key + "': " + level);
    }
    return level;
  }

  private static Side side(String text, String pair) {
    if ("b".equals(text)) {
      return Side.BUY;
    }
    if ("s".equals(text)) {
      return Side.SELL;
    }
    throw new IllegalArgumentException("trade side '" + text + "' for " + pair + " is neither \"b\" nor \"s\"");
  }
}
