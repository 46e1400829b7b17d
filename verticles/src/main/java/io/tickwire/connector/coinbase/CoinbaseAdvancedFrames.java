package io.tickwire.connector.coinbase;

import static io.tickwire.connector.FrameFields.array;
import static io.tickwire.connector.FrameFields.decimal;
import static io.tickwire.connector.FrameFields.element;
import static io.tickwire.connector.FrameFields.number;
import static io.tickwire.connector.FrameFields.text;
import static io.tickwire.connector.FrameFields.time;

import io.tickwire.connector.FrameFields;
import io.tickwire.codecs.BookLevel;
import io.tickwire.codecs.BookUpdate;
import io.tickwire.codecs.Quote;
import io.tickwire.codecs.Side;
import io.tickwire.codecs.Trade;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Coinbase Advanced Trade market-data messages ({@code wss://advanced-trade-ws.coinbase.com}) into the codecs
 * model, from the documented shapes. Every message is an envelope
 * {@code {channel, client_id, timestamp, sequence_num, events[]}}; each event is read by the function for its
 * channel: {@code market_trades} ({@code trades[]}), {@code ticker} ({@code tickers[]}), {@code l2_data} (the
 * level2 channel: {@code product_id}, {@code updates[]}) and {@code heartbeats}. Prices and sizes are decimal
 * strings, parsed exactly. Anything not of its documented shape throws {@link IllegalArgumentException} naming the
 * field and the value.
 */
public final class CoinbaseAdvancedFrames {
  public static final String VENUE = CoinbaseExchangeFrames.VENUE;

  private CoinbaseAdvancedFrames() {
  }

  /** The shared envelope; {@code frame} is the whole message, for the timestamp and the events. */
  public record Envelope(String channel, long sequenceNum, JsonObject frame) {
    public JsonArray events() {
      return array(frame, "events");
    }

    /** The message's own time (epoch microseconds): the event time of what carries none of its own. */
    public long timestamp() {
      return time(frame, "timestamp");
    }
  }

  /**
   * A heartbeat's counter, and whether it came as a string: the counter is documented as an integer, but has been
   * seen as a numeric string, so both are read and the caller reports the string form as schema drift.
   */
  public record Heartbeat(long counter, boolean counterWasString) {
  }

  /** Reads the envelope; an {@code error} message (it has no channel) throws with the venue's message. */
  public static Envelope envelope(String text) {
    JsonObject frame = FrameFields.parseObject(text);
    if ("error".equals(frame.getValue("type"))) {
      throw new IllegalArgumentException("error message: " + frame.getValue("message"));
    }
    return new Envelope(text(frame, "channel"), number(frame, "sequence_num"), frame);
  }

  /** The trades of one {@code market_trades} event, snapshot or update alike. */
  public static List<Trade> trades(JsonObject event, long receivedMicros) {
    JsonArray trades = array(event, "trades");
    List<Trade> out = new ArrayList<>(trades.size());
    for (int i = 0; i < trades.size(); i++) {
      out.add(trade(element(trades, "trades", i), receivedMicros));
    }
    return out;
  }

  /** The quotes of one {@code ticker} event; tickers carry no time, so {@code eventTime} is the envelope's. */
  public static List<Quote> quotes(JsonObject event, long eventTime, long receivedMicros) {
    JsonArray tickers = array(event, "tickers");
    List<Quote> out = new ArrayList<>(tickers.size());
    for (int i = 0; i < tickers.size(); i++) {
      out.add(quote(element(tickers, "tickers", i), eventTime, receivedMicros));
    }
    return out;
  }

  /**
   * One {@code l2_data} event as a book update. A snapshot's event time is the envelope's: its levels carry an
   * {@code event_time} that is not the time of the snapshot (the documented example has the epoch there). An
   * update's is the latest {@code event_time} of its levels.
   */
  public static BookUpdate book(JsonObject event, long envelopeTime, long receivedMicros) {
    String type = text(event, "type");
    boolean snapshot = switch (type) {
      case "snapshot" -> true;
      case "update" -> false;
      default -> throw new IllegalArgumentException("l2_data event type must be snapshot or update, got '" + type
          + "'");
    };
    JsonArray updates = array(event, "updates");
    List<BookLevel> levels = new ArrayList<>(updates.size());
    long latest = Long.MIN_VALUE;
    for (int i = 0; i < updates.size(); i++) {
      JsonObject update = element(updates, "updates", i);
      levels.add(new BookLevel(bookSide(text(update, "side")), decimal(update, "price_level"),
          decimal(update, "new_quantity")));
      if (!snapshot) {
        latest = Math.max(latest, time(update, "event_time"));
      }
    }
    long eventTime = snapshot || levels.isEmpty() ? envelopeTime : latest;
    return new BookUpdate(VENUE, text(event, "product_id"), snapshot, levels, eventTime, receivedMicros, 0);
  }

  /** One {@code heartbeats} event's counter, read from a number or a numeric string. */
  public static Heartbeat heartbeat(JsonObject event) {
    Object value = event.getValue("heartbeat_counter");
    if (value instanceof Number n) {
      return new Heartbeat(n.longValue(), false);
    }
    if (value instanceof String s) {
      try {
        return new Heartbeat(Long.parseLong(s), true);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("'heartbeat_counter' must be an integer, got '" + s + "'", e);
      }
    }
    throw new IllegalArgumentException("'heartbeat_counter' must be an integer, got " + value);
  }

  private static Trade trade(JsonObject t, long received) {
    return new Trade(VENUE, text(t, "product_id"), text(t, "trade_id"), decimal(t, "price"), decimal(t, "size"),
        takerSide(text(t, "side")), time(t, "time"), received, 0);
  }

  private static Quote quote(JsonObject t, long eventTime, long received) {
    // Advanced Trade names the top-of-book sizes *_quantity where the Exchange feed says *_size.
    return new Quote(VENUE, text(t, "product_id"), decimal(t, "best_bid"), decimal(t, "best_bid_quantity"),
        decimal(t, "best_ask"), decimal(t, "best_ask_quantity"), eventTime, received, 0);
  }

  /**
   * A market trade's side as the aggressor's. Unlike the Exchange feed's {@code match} (whose side is the
   * maker's, so CoinbaseExchangeFrames flips it), the Advanced Trade schema documents {@code side} on
   * {@code market_trades} as the taker side ({@code BUY}/{@code SELL}); the taker is the aggressor, so it is
   * kept as it is.
   */
  private static Side takerSide(String text) {
    return switch (text) {
      case "BUY" -> Side.BUY;
      case "SELL" -> Side.SELL;
      default -> throw new IllegalArgumentException("trade side must be BUY or SELL, got '" + text + "'");
    };
  }

  private static Side bookSide(String text) {
    return switch (text) {
      case "bid" -> Side.BUY;
      case "offer" -> Side.SELL;
      default -> throw new IllegalArgumentException("l2_data side must be bid or offer, got '" + text + "'");
    };
  }
}
