package io.tickwire.connector.deribit;

import static io.tickwire.connector.ExactJson.array;
import static io.tickwire.connector.ExactJson.integer;
import static io.tickwire.connector.ExactJson.text;

import io.tickwire.book.OrderBook;
import io.tickwire.codecs.BookLevel;
import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.Side;
import io.tickwire.connector.ExactJson;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The books of one Deribit connection, each kept in step by change ids: a {@code snapshot} replaces the book and
 * sets its change id; a {@code change} applies only if its {@code prev_change_id} is the book's change id. One that
 * is not breaks that book alone: it is cleared and ignores changes until its next snapshot, which the session asks
 * for by resubscribing. Levels are {@code [action, price, amount]} with action {@code new}, {@code change} or
 * {@code delete}, read exactly; the book is cut to {@code depth} levels a side after every frame. Confined to the
 * session's thread.
 */
final class DeribitBooks {
  /** What one {@code book} frame did. */
  record Outcome(Result result, String instrument, boolean snapshot, List<BookLevel> levels, long eventMicros,
      long expectedChangeId, long prevChangeId) {
  }

  enum Result {
    /** Applied: a snapshot, or a change that continued the book. */
    APPLIED,
    /** A change for a book waiting for its snapshot after a break: dropped. */
    WAITING,
    /** A change that does not continue the book: the book is cleared and waits for a snapshot. */
    BROKEN
  }

  private static final class Book {
    final OrderBook levels;
    long changeId;
    boolean synced;

    Book(String instrument) {
      this.levels = new OrderBook(DeribitSession.VENUE, instrument);
    }
  }

  private final Map<String, Book> books = new LinkedHashMap<>();
  private final Map<String, OrderBook> view = new LinkedHashMap<>();
  private final int depth;
  private final int maxBooks;
  private final Predicate<String> allowed;

  /** @param allowed which instruments may have a book here (those subscribed on this connection) */
  DeribitBooks(int depth, int maxBooks, Predicate<String> allowed) {
    this.depth = depth;
    this.maxBooks = maxBooks;
    this.allowed = allowed;
  }

  /** One {@code book.*} notification's data; throws {@link IllegalArgumentException} naming what it cannot read. */
  Outcome apply(Map<String, Object> data) {
    String instrument = text(data, "instrument_name");
    String type = text(data, "type");
    long changeId = integer(data, "change_id");
    long eventMicros = DeribitTimes.micros(data);
    List<BookLevel> levels = new ArrayList<>();
    levels(data, "bids", Side.BUY, levels);
    levels(data, "asks", Side.SELL, levels);
    Book book = bookOf(instrument);
    return switch (type) {
      case "snapshot" -> snapshot(book, instrument, changeId, levels, eventMicros);
      case "change" -> change(book, instrument, integer(data, "prev_change_id"), changeId, levels, eventMicros);
      default -> throw new IllegalArgumentException("book type '" + type + "' is neither snapshot nor change");
    };
  }

  private Outcome snapshot(Book book, String instrument, long changeId, List<BookLevel> levels, long eventMicros) {
    book.levels.clear();
    levels.forEach(book.levels::apply);
    book.levels.truncate(depth);
    book.changeId = changeId;
    book.synced = true;
    return new Outcome(Result.APPLIED, instrument, true, levels, eventMicros, changeId, changeId);
  }

  private Outcome change(Book book, String instrument, long prevChangeId, long changeId, List<BookLevel> levels,
      long eventMicros) {
    if (!book.synced) {
      return new Outcome(Result.WAITING, instrument, false, List.of(), eventMicros, book.changeId, prevChangeId);
    }
    if (prevChangeId != book.changeId) {
      long expected = book.changeId;
      book.synced = false;
      book.levels.clear();
      return new Outcome(Result.BROKEN, instrument, false, List.of(), eventMicros, expected, prevChangeId);
    }
    levels.forEach(book.levels::apply);
    book.levels.truncate(depth);
    book.changeId = changeId;
    return new Outcome(Result.APPLIED, instrument, false, levels, eventMicros, prevChangeId, prevChangeId);
  }

  /** Refuses, naming why, an instrument not subscribed here or one past the cap: state stays bounded. */
  private Book bookOf(String instrument) {
    Book book = books.get(instrument);
    if (book != null) {
      return book;
    }
    if (!allowed.test(instrument)) {
      throw new IllegalArgumentException("book of '" + instrument + "', which this connection did not subscribe");
    }
    if (books.size() >= maxBooks) {
      throw new IllegalArgumentException("book of '" + instrument + "' refused: this connection holds its cap of "
          + maxBooks + " books");
    }
    book = new Book(instrument);
    books.put(instrument, book);
    view.put(instrument, book.levels);
    return book;
  }

  private static void levels(Map<String, Object> data, String key, Side side, List<BookLevel> out) {
    for (Object value : array(data, key)) {
      if (!(value instanceof List<?> level) || level.size() != 3 || !(level.get(0) instanceof String action)
          || !(level.get(1) instanceof ExactJson.Num price) || !(level.get(2) instanceof ExactJson.Num amount)) {
        throw new IllegalArgumentException(key + " level must be [action, price, amount], got " + value);
      }
      out.add(level(side, action, Decimals.parse(price.text()), Decimals.parse(amount.text()), key, value));
    }
  }

  /** Checked whole before anything is applied, so a bad level never leaves a book half changed. */
  private static BookLevel level(Side side, String action, long price, long amount, String key, Object value) {
    if (!Decimals.isPositive(price) || Decimals.unscaled(amount) < 0) {
      throw new IllegalArgumentException(key + " level has a price not above zero or a negative amount: " + value);
    }
    return switch (action) {
      case "new", "change" -> new BookLevel(side, price, amount);
      case "delete" -> new BookLevel(side, price, Decimals.of(0, 0));
      default -> throw new IllegalArgumentException(key + " level action '" + action
          + "' is not new, change or delete");
    };
  }

  /** Forgets an instrument no longer subscribed here. */
  void remove(String instrument) {
    books.remove(instrument);
    view.remove(instrument);
  }

  /** The connection is gone: every book starts again from its next snapshot. */
  void clear() {
    books.clear();
    view.clear();
  }

  Map<String, OrderBook> books() {
    return Collections.unmodifiableMap(view);
  }

  long inSync() {
    return books.values().stream().filter(b -> b.synced).count();
  }
}
