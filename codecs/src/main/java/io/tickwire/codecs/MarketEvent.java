package io.tickwire.codecs;

/**
 * One normalised market-data event. Times are epoch microseconds (UTC): {@code eventTime} is the exchange's
 * timestamp, {@code ingestTime} when the connector received it, so network and processing latency can be
 * told apart. {@code seq} is the router's per-partition sequence number (0 until the router assigns one).
 */
public sealed interface MarketEvent
    permits Trade, Quote, BookUpdate, FeedGap, OptionTicker, MarkFunding, VolatilityIndex {
  String venue();

  String symbol();

  long eventTime();

  long ingestTime();

  long seq();

  /** A copy carrying the router-assigned sequence number. */
  MarketEvent withSeq(long seq);

  /** A copy stamped with when it was received (for producers that could not know it). */
  MarketEvent withIngestTime(long ingestTime);

  EventKind kind();

  /** {@code venue|symbol|src_ts|seq}: stable across replays of the same input, so sinks can deduplicate. */
  default String eventId() {
    return venue() + '|' + symbol() + '|' + IsoTime.format(eventTime()) + '|' + seq();
  }
}
