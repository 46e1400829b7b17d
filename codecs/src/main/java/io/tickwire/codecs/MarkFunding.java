package io.tickwire.codecs;

import java.util.Objects;

/**
 * A perpetual future's mark and funding: the mark price, the index it tracks, the estimated settlement price, the
 * current funding rate (a fraction per funding period, may be negative) and when funding is next paid (epoch
 * microseconds; 0 when the venue funds continuously and names no time). Prices and the rate are exact decimals
 * packed by {@link Decimals}, zero when the venue sent none.
 */
public record MarkFunding(
    String venue,
    String symbol,
    long markPrice,
    long indexPrice,
    long settlementPrice,
    long fundingRate,
    long nextFundingTime,
    long eventTime,
    long ingestTime,
    long seq) implements MarketEvent {

  public MarkFunding {
    Objects.requireNonNull(venue, "venue");
    Objects.requireNonNull(symbol, "symbol");
  }

  @Override
  public MarkFunding withSeq(long seq) {
    return new MarkFunding(venue, symbol, markPrice, indexPrice, settlementPrice, fundingRate, nextFundingTime,
        eventTime, ingestTime, seq);
  }

  @Override
  public MarkFunding withIngestTime(long ingestTime) {
    return new MarkFunding(venue, symbol, markPrice, indexPrice, settlementPrice, fundingRate, nextFundingTime,
        eventTime, ingestTime, seq);
  }

  @Override
  public EventKind kind() {
    return EventKind.MARK_FUNDING;
  }
}
