package io.tickwire.connector.binance;

import static io.tickwire.connector.FrameFields.bool;
import static io.tickwire.connector.FrameFields.decimal;
import static io.tickwire.connector.FrameFields.number;
import static io.tickwire.connector.FrameFields.text;

import io.tickwire.codecs.Quote;
import io.tickwire.codecs.Side;
import io.tickwire.codecs.Trade;
import io.vertx.core.json.JsonObject;

/**
 * Binance spot stream payloads into the codecs model: {@code trade} and {@code aggTrade} into trades,
 * {@code bookTicker} into quotes. Prices and sizes are decimal strings, parsed exactly; times are epoch
 * milliseconds, kept as microseconds. A field of the wrong shape throws {@link IllegalArgumentException} naming it.
 */
public final class BinanceMarketFrames {
  private BinanceMarketFrames() {
  }

  /** A {@code trade} (id {@code t}) or {@code aggTrade} (aggregate id {@code a}). */
  public static Trade trade(JsonObject data, boolean aggregate, long receivedMicros) {
    String id = String.valueOf(number(data, aggregate ? "a" : "t"));
    return new Trade(BinanceSession.VENUE, text(data, "s"), id, decimal(data, "p"), decimal(data, "q"),
        aggressor(data), number(data, "T") * 1000, receivedMicros, 0);
  }

  /**
   * {@code bookTicker}: best bid {@code b}/{@code B}, best ask {@code a}/{@code A}. Spot book tickers carry no
   * time at all (only the book update id {@code u}), so the receive time is the best event time there is; a
   * payload that does carry one (the futures shape has {@code T} and {@code E}) is stamped with it.
   */
  public static Quote quote(JsonObject data, long receivedMicros) {
    return new Quote(BinanceSession.VENUE, text(data, "s"), decimal(data, "b"), decimal(data, "B"),
        decimal(data, "a"), decimal(data, "A"), quoteTime(data, receivedMicros), receivedMicros, 0);
  }

  /** {@code m} says the buyer was the maker, so the seller took liquidity: tickwire's side is the aggressor's. */
  private static Side aggressor(JsonObject data) {
    return bool(data, "m") ? Side.SELL : Side.BUY;
  }

  private static long quoteTime(JsonObject data, long receivedMicros) {
    if (data.containsKey("T")) {
      return number(data, "T") * 1000;
    }
    return data.containsKey("E") ? number(data, "E") * 1000 : receivedMicros;
  }
}
