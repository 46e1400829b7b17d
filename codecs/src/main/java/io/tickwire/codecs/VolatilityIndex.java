package io.tickwire.codecs;

import java.util.Objects;

/**
 * One value of a volatility index (Deribit's DVOL: the 30-day implied volatility of an underlying, in percent), an
 * exact decimal packed by {@link Decimals}. {@code symbol} is the index as the venue names it ({@code btc_usd}).
 */
public record VolatilityIndex(
    String venue,
    String symbol,
    long value,
    long eventTime,
    long ingestTime,
    long seq) implements MarketEvent {

  public VolatilityIndex {
    Objects.requireNonNull(venue, "venue");
    Objects.requireNonNull(symbol, "symbol");
  }

  @Override
  public VolatilityIndex withSeq(long seq) {
    return new VolatilityIndex(venue, symbol, value, eventTime, ingestTime, seq);
  }

  @Override
  public VolatilityIndex withIngestTime(long ingestTime) {
    return new VolatilityIndex(venue, symbol, value, eventTime, ingestTime, seq);
  }

  @Override
  public EventKind kind() {
    return EventKind.VOLATILITY_INDEX;
  }
}
