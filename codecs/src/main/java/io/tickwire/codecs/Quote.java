package io.tickwire.codecs;

import java.util.Objects;

/** Top of book: best bid and ask with their sizes, all exact decimals packed by {@link Decimals}. */
public record Quote(
    String venue,
    String symbol,
    long bidPrice,
    long bidSize,
    long askPrice,
    long askSize,
    long eventTime,
    long ingestTime,
    long seq) implements MarketEvent {

  public Quote {
    Objects.requireNonNull(venue, "venue");
    Objects.requireNonNull(symbol, "symbol");
  }

  @Override
  public Quote withSeq(long seq) {
    return new Quote(venue, symbol, bidPrice, bidSize, askPrice, askSize, eventTime, ingestTime, seq);
  }

  @Override
  public Quote withIngestTime(long ingestTime) {
    return new Quote(venue, symbol, bidPrice, bidSize, askPrice, askSize, eventTime, ingestTime, seq);
  }

  @Override
  public EventKind kind() {
    return EventKind.QUOTE;
  }
}
