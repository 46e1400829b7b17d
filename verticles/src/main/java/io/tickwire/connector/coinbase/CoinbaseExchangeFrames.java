package io.tickwire.connector.coinbase;

import static io.tickwire.connector.FrameFields.array;
import static io.tickwire.connector.FrameFields.decimal;
import static io.tickwire.connector.FrameFields.number;
import static io.tickwire.connector.FrameFields.optionalDecimal;
import static io.tickwire.connector.FrameFields.text;
import static io.tickwire.connector.FrameFields.time;

import io.tickwire.connector.FrameFields;
import io.tickwire.codecs.BookLevel;
import io.tickwire.codecs.BookUpdate;
import io.tickwire.codecs.Decimals;
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

  /**
   * One frame read: its {@code type}, its event (null for control frames) and, for a match, the numeric
   * {@code trade_id} a session checks for continuity (the event carries it only as text).
   */
  public record Frame(String type, MarketEvent event, long tradeId) {
    public boolean isTrade() {
      return event instanceof Trade;
    }
  }

  /** The events in one frame (none for control frames), stamped with {@code receivedMicros} as ingest time. */
  public static List<MarketEvent> parse(String text, long receivedMicros) {
    MarketEvent event = read(text, receivedMicros).event();
    return event == null ? List.of() : List.of(event);
  }

  /** One frame with what a session needs beyond its event; throws as {@link #parse} does. */
  public static Frame read(String text, long receivedMicros) {
    JsonObject frame = FrameFields.parseObject(text);
    String type = frame.getString("type", "");
    return switch (type) {
      case "match", "last_match" -> match(type, frame, receivedMicros);
      case "ticker" -> new Frame(type, quote(frame, receivedMicros), 0);
      case "snapshot" -> new Frame(type, snapshot(frame, receivedMicros), 0);
      case "l2update" -> new Frame(type, update(frame, receivedMicros), 0);
      case "subscriptions", "heartbeat" -> new Frame(type, null, 0);
      case "error" -> throw new IllegalArgumentException("error frame: " + frame.getString("message") + " "
          + frame.getString("reason", ""));
      default -> throw new IllegalArgumentException("unknown frame type '" + type + "'");
    };
  }

  private static Frame match(String type, JsonObject f, long received) {
    long tradeId = number(f, "trade_id");
    Side maker = side(text(f, "side"));
    Side taker = maker == Side.BUY ? Side.SELL : Side.BUY;
    Trade trade = new Trade(VENUE, text(f, "product_id"), Long.toString(tradeId), decimal(f, "price"),
        decimal(f, "size"), taker, time(f, "time"), received, 0);
    return new Frame(type, trade, tradeId);
  }

  private static Quote quote(JsonObject f, long received) {
    return new Quote(VENUE, text(f, "product_id"), decimal(f, "best_bid"), optionalDecimal(f, "best_bid_size"),
        decimal(f, "best_ask"), optionalDecimal(f, "best_ask_size"), time(f, "time"), received, 0);
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
    return new BookUpdate(VENUE, text(f, "product_id"), false, levels, time(f, "time"), received, 0);
  }

  private static void pairs(JsonObject f, String key, Side side, List<BookLevel> out) {
    JsonArray pairs = array(f, key);
    for (int i = 0; i < pairs.size(); i++) {
      JsonArray pair = pairs.getJsonArray(i);
      out.add(new BookLevel(side, Decimals.parse(pair.getString(0)), Decimals.parse(pair.getString(1))));
    }
  }

  private static Side side(String text) {
    Side side = Side.fromWire(text);
    if (side == null) {
      throw new IllegalArgumentException("side must be buy or sell, got '" + text + "'");
    }
    return side;
  }
}
