package io.tickwire.codecs;

import java.util.Objects;

/**
 * An executed trade. {@code price} and {@code size} are exact decimals packed by {@link Decimals};
 * times are epoch microseconds.
 */
public record Trade(
    String venue,
    String symbol,
    String tradeId,
    long price,
    long size,
    Side side,
    long eventTime,
    long ingestTime,
    long seq) implements MarketEvent {

  public Trade {
    Objects.requireNonNull(venue, "venue");
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(tradeId, "tradeId");
    Objects.requireNonNull(side, "side");
  }

  @Override
  public Trade withSeq(long seq) {
    return new Trade(venue, symbol, tradeId, price, size, side, eventTime, ingestTime, seq);
  }

  @Override
  public Trade withIngestTime(long ingestTime) {
    return new Trade(venue, symbol, tradeId, price, size, side, eventTime, ingestTime, seq);
  }

  @Override
  public EventKind kind() {
    return EventKind.TRADE;
  }

  public double priceValue() {
    return Decimals.toDouble(price);
  }

  public double sizeValue() {
    return Decimals.toDouble(size);
  }
}
