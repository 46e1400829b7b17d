package io.tickwire.connector.kraken;

import static io.tickwire.connector.ExactJson.decimal;
import static io.tickwire.connector.ExactJson.optionalNumber;
import static io.tickwire.connector.ExactJson.optionalText;
import static io.tickwire.connector.ExactJson.text;

import io.tickwire.connector.ExactJson;
import io.tickwire.codecs.Quote;
import io.tickwire.codecs.Side;
import io.tickwire.codecs.Trade;
import java.util.Map;

/**
 * Kraken websocket v2 {@code trade} and {@code ticker} data entries into trades and quotes, numbers read exactly
 * ({@link ExactJson}). Throws {@link IllegalArgumentException} naming the bad field; the session counts it.
 * <pre>
 * {"symbol":"MATIC/USD","side":"sell","price":0.5117,"qty":40.0,"ord_type":"market","trade_id":4665906,
 *  "timestamp":"2023-09-25T07:49:37.708706Z"}
 * {"symbol":"ALGO/USD","bid":0.10025,"bid_qty":740.0,"ask":0.10036,"ask_qty":1361.44813783,"last":..,...}
 * </pre>
 */
final class KrakenV2Market {
  private KrakenV2Market() {
  }

  /** {@code side} is the taker's, which is tickwire's aggressor side; {@code trade_id} is Kraken's per book. */
  static Trade trade(String venue, Map<String, Object> entry, long receivedMicros) {
    String symbol = text(entry, "symbol");
    String tradeId = optionalNumber(entry, "trade_id");
    if (tradeId == null) {
      throw new IllegalArgumentException("trade for " + symbol + " has no trade_id");
    }
    return new Trade(venue, symbol, tradeId, decimal(entry, "price"), decimal(entry, "qty"), side(entry, symbol),
        KrakenTimes.rfc3339ToMicros(text(entry, "timestamp")), receivedMicros, 0);
  }

  /** The ticker's best bid and ask; its {@code timestamp} when present, else the time the frame was received. */
  static Quote quote(String venue, Map<String, Object> entry, long receivedMicros) {
    String timestamp = optionalText(entry, "timestamp");
    long eventTime = timestamp == null ? receivedMicros : KrakenTimes.rfc3339ToMicros(timestamp);
    return new Quote(venue, text(entry, "symbol"), decimal(entry, "bid"), decimal(entry, "bid_qty"),
        decimal(entry, "ask"), decimal(entry, "ask_qty"), eventTime, receivedMicros, 0);
  }

  private static Side side(Map<String, Object> entry, String symbol) {
    String text = text(entry, "side");
    Side side = Side.fromWire(text);
    if (side == null) {
      throw new IllegalArgumentException("trade side '" + text + "' for " + symbol + " is neither buy nor sell");
    }
    return side;
  }
}
