package io.tickwire.connector.kraken;

import io.tickwire.book.OrderBook;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The Kraken book rules that websocket v1 and v2 share, independent of how a frame is spelt: one {@link OrderBook}
 * per symbol, a snapshot replaces the book, after every frame the book is cut to the subscribed depth (Kraken sends
 * no deletion for levels that fall out of it) and its top 10 levels are checked against the frame's CRC32
 * ({@link KrakenChecksum}). A mismatch clears the symbol's book and marks it resyncing: its updates are to be
 * dropped until the next snapshot, while other symbols carry on. Not thread-safe (one event loop).
 */
public final class KrakenBooks {
  /** The outcome of checking one frame's checksum. */
  public enum Check {
    OK,
    /** The frame carried no checksum: applied, not verified. */
    UNVERIFIED,
    /** Mismatch: the book was cleared and the symbol waits for a snapshot. */
    FAILED
  }

  /** The book depths Kraken accepts in a subscription (websocket v1 and v2). */
  public static final List<Integer> DEPTHS = List.of(10, 25, 100, 500, 1000);

  private final String venue;
  private final Map<String, OrderBook> books = new LinkedHashMap<>();
  /** Symbols whose book was built from a snapshot and has not been thrown away since. */
  private final Set<String> live = new HashSet<>();
  private String lastMismatch;

  public KrakenBooks(String venue) {
    this.venue = venue;
  }

  /** {@code depth} when Kraken accepts it in a book subscription, else an error naming it and the valid ones. */
  public static int subscribableDepth(int depth) {
    if (!DEPTHS.contains(depth)) {
      throw new IllegalArgumentException("Kraken book depth " + depth + " is not one of " + DEPTHS);
    }
    return depth;
  }

  /** The symbol's book, emptied for a snapshot's levels; the symbol is no longer resyncing. */
  public OrderBook startSnapshot(String symbol) {
    OrderBook book = book(symbol);
    book.clear();
    live.add(symbol);
    return book;
  }

  /** The symbol's book, created empty on first use. */
  public OrderBook book(String symbol) {
    return books.computeIfAbsent(symbol, s -> new OrderBook(venue, s));
  }

  /**
   * True while the symbol waits for a snapshot (none yet, or its book was thrown away after a checksum failure or a
   * lost connection): an update cannot be applied to a book that is not there, so it is to be dropped.
   */
  public boolean resyncing(String symbol) {
    return !live.contains(symbol);
  }

  /**
   * Ends one frame: cuts the book to {@code depth}, then compares its checksum with {@code expected} (null when the
   * frame carried none). On a mismatch the book is cleared and the symbol marked resyncing.
   */
  public Check finishFrame(String symbol, int depth, Long expected) {
    OrderBook book = book(symbol);
    book.truncate(depth);
    if (expected == null) {
      return Check.UNVERIFIED;
    }
    long actual = KrakenChecksum.of(book);
    if (actual == expected) {
      return Check.OK;
    }
    lastMismatch = "checksum mismatch for " + symbol + ": expected " + expected + ", computed " + actual;
    book.clear();
    live.remove(symbol);
    return Check.FAILED;
  }

  /** Every book emptied and waiting for its snapshot: after a lost connection, the resubscription sends them. */
  public void reset() {
    books.values().forEach(OrderBook::clear);
    live.clear();
  }

  /** The text of the last checksum mismatch (expected and computed values), or null when there was none. */
  public String lastMismatch() {
    return lastMismatch;
  }

  public Map<String, OrderBook> books() {
    return Collections.unmodifiableMap(books);
  }
}
