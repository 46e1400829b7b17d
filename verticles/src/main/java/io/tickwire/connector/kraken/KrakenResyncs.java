package io.tickwire.connector.kraken;

import io.tickwire.connector.venue.SessionOutput;
import io.tickwire.connector.venue.SessionStats;

/**
 * What a Kraken session does when a stream breaks, the same for websocket v1 and v2: Kraken has no REST snapshot
 * to sync against, so a bad book is rebuilt by resubscribing its channel (the answer starts with a snapshot), and
 * downstream is told about the hole with a gap marker. (A lost connection is the same for every venue:
 * {@code AbstractVenueSession}.)
 */
final class KrakenResyncs {
  private final KrakenSubscriptions subscriptions;
  private final SessionStats stats;
  private final SessionOutput output;

  KrakenResyncs(KrakenSubscriptions subscriptions, SessionStats stats, SessionOutput output) {
    this.subscriptions = subscriptions;
    this.stats = stats;
    this.output = output;
  }

  /** A book checksum failed: count it, mark the gap for that symbol only and resubscribe its book. */
  void checksumFailed(String symbol, String detail, long receivedMicros) {
    stats.addChecksumFailed();
    stats.addResync();
    output.gap(symbol, "book checksum failed: " + detail, receivedMicros);
    subscriptions.resubscribeBook(symbol).forEach(output::send);
  }
}
