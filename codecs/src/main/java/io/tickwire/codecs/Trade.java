package io.tickwire.codecs;

import java.util.Objects;

/**
 * An executed trade. {@code price} and {@code size} are exact decimals packed by {@link Decimals};
 * times are epoch microseconds. {@code backfill} is its provenance: true when it was fetched from the venue's
 * REST history to fill a hole, not received live. It is not part of the trade's identity (venue, symbol, trade
 * id), so a backfilled copy of a trade that arrived live is still a duplicate of it.
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
    long seq,
    boolean backfill) implements MarketEvent {

  /** A live trade: what every source but the backfill builds. */
  public Trade(String venue, String symbol, String tradeId, long price, long size, Side side, long eventTime,
      long ingestTime, long seq) {
    this(venue, symbol, tradeId, price, size, side, eventTime, ingestTime, seq, false);
  }

  public Trade {
    Objects.requireNonNull(venue, "venue");
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(tradeId, "tradeId");
    Objects.requireNonNull(side, "side");
  }

  @Override
  public Trade withSeq(long seq) {
    return new Trade(venue, symbol, tradeId, price, size, side, eventTime, ingestTime, seq, backfill);
  }

  /** This trade marked as fetched from the venue's history. */
  public Trade asBackfill() {
    return backfill ? this : new Trade(venue, symbol, tradeId, price, size, side, eventTime, ingestTime, seq, true);
  }

  @Override
  public Trade withIngestTime(long ingestTime) {
    return new Trade(venue, symbol, tradeId, price, size, side, eventTime, ingestTime, seq, backfill);
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
