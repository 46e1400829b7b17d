package io.tickwire.codecs;

import java.util.Objects;

/**
 * An option's ticker: its contract, mark price, best bid and ask, the underlying and index prices it was marked
 * against, implied volatilities, greeks and open interest. Prices, sizes and open interest are exact decimals packed
 * by {@link Decimals}, zero when the venue has none (no bid, no ask); implied volatilities (in percent, as venues
 * quote them) and greeks are doubles, NaN when absent. Times are epoch microseconds.
 */
public record OptionTicker(
    String venue,
    String symbol,
    OptionContract contract,
    long markPrice,
    long bidPrice,
    long bidSize,
    long askPrice,
    long askSize,
    long underlyingPrice,
    long indexPrice,
    double markIv,
    double bidIv,
    double askIv,
    Greeks greeks,
    long openInterest,
    long eventTime,
    long ingestTime,
    long seq) implements MarketEvent {

  public OptionTicker {
    Objects.requireNonNull(venue, "venue");
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(contract, "contract");
    Objects.requireNonNull(greeks, "greeks");
  }

  @Override
  public OptionTicker withSeq(long seq) {
    return new OptionTicker(venue, symbol, contract, markPrice, bidPrice, bidSize, askPrice, askSize,
        underlyingPrice, indexPrice, markIv, bidIv, askIv, greeks, openInterest, eventTime, ingestTime, seq);
  }

  @Override
  public OptionTicker withIngestTime(long ingestTime) {
    return new OptionTicker(venue, symbol, contract, markPrice, bidPrice, bidSize, askPrice, askSize,
        underlyingPrice, indexPrice, markIv, bidIv, askIv, greeks, openInterest, eventTime, ingestTime, seq);
  }

  @Override
  public EventKind kind() {
    return EventKind.OPTION_TICKER;
  }
}
