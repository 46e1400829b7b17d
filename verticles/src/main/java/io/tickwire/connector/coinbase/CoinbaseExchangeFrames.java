package io.tickwire.connector.coinbase;

import io.tickwire.codecs.BookLevel;
import io.tickwire.codecs.BookUpdate;
import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.IsoTime;
import io.tickwire.codecs.MarketEvent;
import io.tickwire.codecs.Quote;
import io.tickwire.codecs.Side;
import io.tickwire.codecs.Trade;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Coinbase Exchange websocket frames (the feed recorded as COINBASE.ws.28.0) into the codecs model:
 * {@code match}/{@code last_match} become trades, {@code ticker} a quote, {@code snapshot} and {@code l2update}
 * book updates. Prices and sizes are decimal strings, parsed exactly. Control frames ({@code subscriptions},
 * {@code heartbeat}) produce nothing; an {@code error} frame or a frame that is not what its type says throws
 * {@link IllegalArgumentException} naming the problem, for the caller to count as a parse error.
 *
 * <p>Coinbase's {@code side} on a match is the maker's; tickwire's trade side is the aggressor's, so it is flipped.
 */
public final class CoinbaseExchangeFrames {
  public static final String VENUE = "coinbase";

  private CoinbaseExchangeFrames() {
  }

  /** The events in one frame (none for control frames), stamped with {@code receivedMicros} as ingest time. */
  public static List<MarketEvent> parse(String text, long receivedMicros) {
    JsonObject frame;
    try {
      frame = new JsonObject(text);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a JSON object: " + e.getMessage(), e);
    }
    String type = frame.getString("type", "");
    return switch (type) {
      case "match", "last_match" -> List.of(trade(frame, receivedMicros));
      case "ticker" -> List.of(quote(frame, receivedMicros));
      case "snapshot" -> List.of(snapshot(frame, receivedMicros));
      case "l2update" -> List.of(update(frame, receivedMicros));
      case "subscriptions", "heartbeat" -> List.of();
      case "error" -> throw new IllegalArgumentException("error frame: " + frame.getString("message") + " "
          + frame.getString("reason", ""));
      default -> throw new IllegalArgumentException("unknown frame type '" + type + "'");
    };
  }

  private static Trade trade(JsonObject f, long received) {
    Side maker = side(f, "side");
    Side taker = maker == Side.BUY ? Side.SELL : Side.BUY;
    return new Trade(VENUE, text(f, "product_id"), String.valueOf(number(f, "trade_id")), decimal(f, "price"),
        decimal(f, "size"), taker, time(f), received, 0);
  }

  private static Quote quote(JsonObject f, long received) {
    return new Quote(VENUE, text(f, "product_id"), decimal(f, "best_bid"), optionalDecimal(f, "best_bid_size"),
        decimal(f, "best_ask"), optionalDecimal(f, "best_ask_size"), time(f), received, 0);
  }

  private static BookUpdate snapshot(JsonObject f, long received) {
    List<BookLevel> levels = new ArrayList<>();
    pairs(f, "bids", Side.BUY, levels);
    pairs(f, "asks", Side.SELL, levels);
    // A snapshot carries no time of its own: the receive time is the best there is.
    return new BookUpdate(VENUE, text(f, "product_id"), true, levels, received, received, 0);
  }

  private static BookUpdate update(JsonObject f, long received) {
    JsonArray changes = array(f, "changes");
    List<BookLevel> levels = new ArrayList<>(changes.size());
    for (int i = 0; i < changes.size(); i++) {
      JsonArray change = changes.getJsonArray(i);
      levels.add(new BookLevel(side(change.getString(0)), Decimals.parse(change.getString(1)),
          Decimals.parse(change.getString(2))));
    }
    return new BookUpdate(VENUE, text(f, "product_id"), false, levels, time(f), received, 0);
  }

  private static void pairs(JsonObject f, String key, Side side, List<BookLevel> out) {
    JsonArray pairs = array(f, key);
    for (int i = 0; i < pairs.size(); i++) {
      JsonArray pair = pairs.getJsonArray(i);
      out.add(new BookLevel(side, Decimals.parse(pair.getString(0)), Decimals.parse(pair.getString(1))));
    }
  }

  private static String text(JsonObject f, String key) {
    Object value = f.getValue(key);
    if (!(value instanceof String s)) {
      throw new IllegalArgumentException("'" + key + "' must be a string, got " + value);
    }
    return s;
  }

  private static long number(JsonObject f, String key) {
    Object value = f.getValue(key);
    if (!(value instanceof Number n)) {
      throw new IllegalArgumentException("'" + key + "' must be a number, got " + value);
    }
    return n.longValue();
  }

  private static long decimal(JsonObject f, String key) {
    return Decimals.parse(text(f, key));
  }

  private static long optionalDecimal(JsonObject f, String key) {
    return f.containsKey(key) ? decimal(f, key) : Decimals.of(0, 0);
  }

  private static Side side(JsonObject f, String key) {
    return side(text(f, key));
  }

  private static Side side(String text) {
    Side side = Side.fromWire(text);
    if (side == null) {
      throw new IllegalArgumentException("side must be buy or sell, got '" + text + "'");
    }
    return side;
  }

  private static long time(JsonObject f) {
    return IsoTime.parse(text(f, "time"));
  }

  private static JsonArray array(JsonObject f, String key) {
    Object value = f.getValue(key);
    if (!(value instanceof JsonArray a)) {
      throw new IllegalArgumentException("'" + key + "' must be an array, got " + value);
    }
    return a;
  }
}
