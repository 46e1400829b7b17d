package io.tickwire.codecs;

import java.util.Objects;

/**
 * A marker in the stream, not market data: from here on the feed for ({@code venue}, {@code symbol}) may have lost
 * events (the connection dropped, the book was resynced, a sequence jumped). Downstream uses it to tell a quiet
 * market from a hole. The exchange gives no time for a hole, so {@code eventTime} is when the connector noticed it.
 */
public record FeedGap(
    String venue,
    String symbol,
    String reason,
    long eventTime,
    long ingestTime,
    long seq) implements MarketEvent {

  public FeedGap {
    Objects.requireNonNull(venue, "venue");
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(reason, "reason");
  }

  @Override
  public FeedGap withSeq(long seq) {
    return new FeedGap(venue, symbol, reason, eventTime, ingestTime, seq);
  }

  @Override
  public FeedGap withIngestTime(long ingestTime) {
    return new FeedGap(venue, symbol, reason, eventTime, ingestTime, seq);
  }

  @Override
  public EventKind kind() {
    return EventKind.GAP;
  }
}
