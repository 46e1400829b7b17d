package io.tickwire.connector.venue;

import io.tickwire.codecs.MarketEvent;

/** Where a {@link VenueSession} puts what it learnt; called on the session's thread. */
public interface SessionOutput {
  /** A normalised trade, quote or book update. */
  void event(MarketEvent event);

  /**
   * The stream for {@code symbol} has a hole (the connection dropped, a book was resynced, a sequence jumped):
   * downstream receives a gap marker so it can tell.
   */
  void gap(String symbol, String reason, long receivedMicros);

  /**
   * Trades with ids strictly between {@code afterId} and {@code beforeId} are missing from {@code symbol}'s stream
   * (the hole {@code reason} marked): fetch them from the venue's REST history when it has one. Sessions whose
   * connector cannot (a replay) ignore it.
   */
  default void backfill(String symbol, long afterId, long beforeId, String reason) {
    backfill(symbol, afterId, 0, beforeId, reason);
  }

  /**
   * As above, with {@code afterMicros}, the event time of the last trade before the hole, for a venue whose REST
   * history is paged by time (Kraken).
   */
  default void backfill(String symbol, long afterId, long afterMicros, long beforeId, String reason) {
  }

  /** A frame to send on the current connection (for example a resubscription of one symbol's book). */
  void send(String frame);

  /** The book of {@code symbol} must be rebuilt from a REST snapshot; the answer comes to onSnapshot. */
  void requestSnapshot(String symbol);

  /**
   * A frame whose shape moved away from the venue's documented one (a field changed type or went missing) but
   * could still be read or skipped: counted and sampled as a {@code schema_drift} anomaly, never a crash.
   * {@code symbol} may be empty when the frame names none.
   */
  void schemaDrift(String symbol, String detail, String frame);
}
