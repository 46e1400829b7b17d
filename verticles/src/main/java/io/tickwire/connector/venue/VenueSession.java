package io.tickwire.connector.venue;

import io.tickwire.book.OrderBook;
import io.tickwire.codecs.Side;
import java.util.List;
import java.util.Map;

/**
 * One venue's protocol over one connection, with no I/O of its own: what to send when the socket opens, what each
 * inbound text frame means (parsing, order books, checksums, sequence continuity), and what a lost connection
 * costs. The live connector verticle drives it from a websocket; {@code tickwire replay --capture} drives the very
 * same object from a recorded file, so a capture exercises the real parser, book, checksum and sync code.
 *
 * <p>Results leave through the {@link SessionOutput} given at construction. A session never throws on bad input:
 * a frame it cannot read is counted in {@link SessionStats#parseErrors()} with the reason kept as the last error.
 * Confined to one thread (the connector's event loop).
 */
public interface VenueSession {
  /** The venue name stamped on every event ({@code coinbase}, {@code kraken}, {@code binance}). */
  String venue();

  /** The frames to send once the socket is open: the subscriptions for the spec's symbols and channels. */
  List<String> subscribeFrames();

  /** One inbound text frame, received at {@code receivedMicros} (epoch microseconds, wall clock). */
  void onFrame(String text, long receivedMicros);

  /**
   * The connection is gone: whatever the venue sent meanwhile is lost, so every book is cleared and every
   * subscribed symbol gets a gap marker. The next {@link #subscribeFrames()} starts afresh.
   */
  void onDisconnect(String reason, long nowMicros);

  /**
   * A REST body answering {@link SessionOutput#requestSnapshot(String)} for {@code symbol} (Binance depth
   * snapshots); venues without REST snapshots ignore it.
   */
  default void onSnapshot(String symbol, String body, long receivedMicros) {
  }

  SessionStats stats();

  /** The live books by symbol (read-only use: summaries, book features, snapshots). */
  Map<String, OrderBook> books();

  /**
   * How many books are in step with the venue's stream now. By default every book holding levels; a session that
   * tracks sequence continuity (Deribit, Binance futures) counts only books whose sequence holds.
   */
  default long booksInSync() {
    return books().values().stream().filter(b -> !b.isEmpty(Side.BUY) || !b.isEmpty(Side.SELL)).count();
  }
}
