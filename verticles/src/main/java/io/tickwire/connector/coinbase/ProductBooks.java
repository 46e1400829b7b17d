package io.tickwire.connector.coinbase;

import io.tickwire.book.OrderBook;
import io.tickwire.codecs.BookLevel;
import io.tickwire.codecs.BookUpdate;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The L2 books of one connection, one per product. A product has a book only once its snapshot arrived: a delta
 * for a product without one (before the first snapshot, or after the books were thrown away for a resync) has
 * nothing to apply to, and is refused so the caller does not pass it on either.
 *
 * <p>The whole book is kept, not just the configured depth: Coinbase sends every level once and never re-sends a
 * level that was cut off, so a truncated book would show holes as soon as a top level is removed.
 *
 * <p>A book crossed after an update (best bid &gt;= best ask) means a missed or misapplied update; it is counted
 * for every such update and logged once when a book goes from uncrossed to crossed, so a stuck book cannot flood
 * the log.
 */
final class ProductBooks {
  private static final System.Logger LOG = System.getLogger(ProductBooks.class.getName());

  private final String venue;
  private final Map<String, OrderBook> books = new TreeMap<>();
  private final Map<String, OrderBook> view = Collections.unmodifiableMap(books);
  private final Set<String> crossed = new HashSet<>();
  private long crossedUpdates;

  ProductBooks(String venue) {
    this.venue = venue;
  }

  /** Applies {@code update}; false when it is a delta for a product that has no snapshot yet. */
  boolean apply(BookUpdate update) {
    OrderBook book = update.snapshot() ? fresh(update.symbol()) : books.get(update.symbol());
    if (book == null) {
      return false;
    }
    for (BookLevel level : update.levels()) {
      book.apply(level);
    }
    checkCrossed(book);
    return true;
  }

  /** Throws every book away: the next snapshot of each product starts it again. */
  void clear() {
    books.clear();
    crossed.clear();
  }

  /** A read-only live view, by product. */
  Map<String, OrderBook> view() {
    return view;
  }

  /** How many updates left a book crossed. */
  long crossedUpdates() {
    return crossedUpdates;
  }

  private OrderBook fresh(String symbol) {
    OrderBook book = books.computeIfAbsent(symbol, s -> new OrderBook(venue, s));
    book.clear();
    crossed.remove(symbol);
    return book;
  }

  private void checkCrossed(OrderBook book) {
    if (!book.crossed()) {
      crossed.remove(book.symbol());
      return;
    }
    crossedUpdates++;
    if (crossed.add(book.symbol())) {
      LOG.log(System.Logger.Level.WARNING, "{0} book crossed after an update: {1}", venue, book);
    }
  }
}
