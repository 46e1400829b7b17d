package io.tickwire.derived.mid;

import io.tickwire.book.OrderBook;
import io.tickwire.codecs.BookLevel;
import io.tickwire.codecs.BookUpdate;
import io.tickwire.codecs.FeedGap;
import io.tickwire.config.DerivedSettings.VenueSymbol;
import java.util.HashMap;
import java.util.Map;

/**
 * The best bid and ask of venues that send order books rather than quotes: an L2 book per configured (venue,
 * symbol), valid from a snapshot on and dropped by a feed gap until the next snapshot, like the batchers' books.
 * Only configured pairs get a book, so the state is bounded by the configuration.
 *
 * <p>Not thread-safe: owned by the derived stage's event loop.
 */
final class BookTops {
  /** What a book event leaves the venue with. */
  sealed interface Result permits Top, NoTop, Unchanged {
  }

  /** A usable top, new or changed. */
  record Top(TopOfBook top) implements Result {
  }

  /** No usable top from now on (a side empty, the book crossed, or dropped after a gap); {@code reason} may be null. */
  record NoTop(String reason) implements Result {
  }

  /** Nothing to tell: the top did not change, or a delta arrived before the book's snapshot (counted). */
  record Unchanged() implements Result {
  }

  static final String CROSSED_BOOK = "crossed_book";
  static final String UNSYNCED_BOOK = "unsynced_book";

  private static final Unchanged UNCHANGED = new Unchanged();

  /** What the venue was last told: nothing yet, a top, or that it has none. */
  private enum Said { NOTHING, TOP, NO_TOP }

  private static final class Book {
    final OrderBook book;
    boolean valid;
    Said said = Said.NOTHING;
    TopOfBook last;

    Book(VenueSymbol pair) {
      this.book = new OrderBook(pair.venue(), pair.symbol());
    }
  }

  private final Map<VenueSymbol, Book> books = new HashMap<>();
  private long unsynced;

  /** Applies {@code update} to its configured pair's book. */
  Result apply(VenueSymbol pair, BookUpdate update) {
    Book state = books.computeIfAbsent(pair, Book::new);
    if (!update.snapshot() && !state.valid) {
      unsynced++;
      return UNCHANGED;
    }
    if (update.snapshot()) {
      state.book.clear();
      state.valid = true;
    }
    for (BookLevel level : update.levels()) {
      state.book.apply(level);
    }
    return top(state, update.eventTime());
  }

  /** A gap: the book may have missed updates, so it is dropped until the next snapshot. */
  Result gap(VenueSymbol pair, FeedGap gap) {
    Book state = books.get(pair);
    if (state == null || !state.valid) {
      return UNCHANGED;
    }
    state.book.clear();
    state.valid = false;
    return unusable(state, null);
  }

  private Result top(Book state, long time) {
    OrderBook book = state.book;
    if (book.bestBid() == OrderBook.NONE || book.bestAsk() == OrderBook.NONE) {
      return unusable(state, null);
    }
    if (book.crossed()) {
      return unusable(state, CROSSED_BOOK);
    }
    TopOfBook top = new TopOfBook(book.bestBid(), book.bestBidSize(), book.bestAsk(), book.bestAskSize(), time);
    if (state.said == Said.TOP && sameLevels(state.last, top)) {
      return UNCHANGED;
    }
    state.said = Said.TOP;
    state.last = top;
    return new Top(top);
  }

  /** Said once when a book turns unusable; a book that stays crossed is one crossing, not one per update. */
  private static Result unusable(Book state, String reason) {
    if (state.said == Said.NO_TOP) {
      return UNCHANGED;
    }
    state.said = Said.NO_TOP;
    state.last = null;
    return new NoTop(reason);
  }

  private static boolean sameLevels(TopOfBook a, TopOfBook b) {
    return a != null && a.bidPrice() == b.bidPrice() && a.bidSize() == b.bidSize() && a.askPrice() == b.askPrice()
        && a.askSize() == b.askSize();
  }

  /** Deltas that arrived before their book's snapshot. */
  long unsynced() {
    return unsynced;
  }
}
