package io.tickwire.connector.binance;

import static io.tickwire.connector.FrameFields.bool;
import static io.tickwire.connector.FrameFields.decimal;
import static io.tickwire.connector.FrameFields.number;
import static io.tickwire.connector.FrameFields.text;

import io.tickwire.codecs.MarkFunding;
import io.tickwire.codecs.Quote;
import io.tickwire.codecs.Side;
import io.tickwire.codecs.Trade;
import io.vertx.core.json.JsonObject;

/**
 * Binance stream payloads into the codecs model, for the venue they came from ({@code binance} or
 * {@code binance_futures}): {@code trade} and {@code aggTrade} into trades, {@code bookTicker} into quotes,
 * {@code markPriceUpdate} into mark/funding updates. Prices, sizes and rates are decimal strings, parsed exactly;
 * times are epoch milliseconds, kept as microseconds. A field of the wrong shape throws
 * {@link IllegalArgumentException} naming it.
 */
public final class BinanceMarketFrames {
  private BinanceMarketFrames() {
  }

  /** A {@code trade} (id {@code t}) or {@code aggTrade} (aggregate id {@code a}). */
  public static Trade trade(String venue, JsonObject data, boolean aggregate, long receivedMicros) {
    String id = String.valueOf(number(data, aggregate ? "a" : "t"));
    return new Trade(venue, text(data, "s"), id, decimal(data, "p"), decimal(data, "q"),
        aggressor(data), number(data, "T") * 1000, receivedMicros, 0);
  }

  /**
   * {@code bookTicker}: best bid {@code b}/{@code B}, best ask {@code a}/{@code A}. Spot book tickers carry no
   * time at all (only the book update id {@code u}), so the receive time is the best event time there is; a
   * payload that does carry one (the futures shape has {@code T} and {@code E}) is stamped with it.
   */
  public static Quote quote(String venue, JsonObject data, long receivedMicros) {
    return new Quote(venue, text(data, "s"), decimal(data, "b"), decimal(data, "B"),
        decimal(data, "a"), decimal(data, "A"), quoteTime(data, receivedMicros), receivedMicros, 0);
  }

  /**
   * {@code markPriceUpdate} (USD-M futures): mark {@code p}, index {@code i}, estimated settlement price
   * {@code P}, funding rate {@code r} and next funding time {@code T} (ms), stamped with its event time {@code E}.
   */
  public static MarkFunding markFunding(String venue, JsonObject data, long receivedMicros) {
    return new MarkFunding(venue, text(data, "s"), decimal(data, "p"), decimal(data, "i"), decimal(data, "P"),
        decimal(data, "r"), number(data, "T") * 1000, number(data, "E") * 1000, receivedMicros, 0);
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
