package io.tickwire.feature;

import io.tickwire.codecs.BookSnapshot;
import io.tickwire.codecs.FeatureSnapshot;
import io.tickwire.flow.LruMap;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Adds order-book features ({@link BookSnapshot#FEATURE_NAMES}) to feature snapshots: a snapshot at time T gets the
 * values of its symbol's newest book snapshot taken at or before T, if that is at most {@code maxAgeMicros} older
 * (event time); otherwise the book features are absent, never 0 (no book, a book dropped after a feed gap, a
 * crossed one, or one that has not changed for a while).
 *
 * <p>Why "at or before T" and a few kept per symbol, not just the latest: book snapshots and bars come on separate
 * links, and the batcher closes a bar only once the watermark (allowed lateness) passes its end, so books are
 * usually ahead of bars. Taking the newest book would give a bar values from after its close, and a backtest over
 * the stored snapshots would not see what the rules saw. {@link #KEPT} per symbol covers books that far ahead.
 *
 * <p>At most {@code maxSymbols} symbols' books are kept, the least recently used dropped first (counted): a symbol
 * dropped only loses its book features until its next book snapshot, and the cap ({@code router.max_symbols})
 * makes it one idle for longer than every live one.
 *
 * <p>Not thread-safe: owned by the feature verticle's event loop.
 */
final class BookFeatureJoin {
  /** Book snapshots kept per symbol: books more than this many snapshot intervals ahead of bars fall out. */
  static final int KEPT = 16;

  private record Key(String venue, String symbol) {
  }

  private final long maxAgeMicros;
  private final LruMap<Key, ArrayDeque<BookSnapshot>> recent;
  private long joined;
  private long withoutBook;
  private long outOfOrder;

  BookFeatureJoin(long maxAgeMillis, int maxSymbols) {
    this.recent = new LruMap<>(maxSymbols);
    this.maxAgeMicros = maxAgeMillis * 1000;
  }

  /** Keeps {@code book} as its symbol's newest; one not newer than the newest kept is counted and dropped. */
  void add(BookSnapshot book) {
    ArrayDeque<BookSnapshot> kept = recent.computeIfAbsent(new Key(book.venue(), book.symbol()),
        k -> new ArrayDeque<>(KEPT));
    if (!kept.isEmpty() && kept.peekLast().ts() >= book.ts()) {
      outOfOrder++;
      return;
    }
    if (kept.size() == KEPT) {
      kept.pollFirst();
    }
    kept.addLast(book);
  }

  /** {@code snapshot} with its book features, or itself when there is no book snapshot young enough. */
  FeatureSnapshot join(FeatureSnapshot snapshot) {
    BookSnapshot book = bookAt(snapshot.venue(), snapshot.symbol(), snapshot.ts());
    if (book == null) {
      withoutBook++;
      return snapshot;
    }
    joined++;
    Map<String, Double> features = new TreeMap<>(snapshot.features());
    features.putAll(book.features());
    return new FeatureSnapshot(snapshot.venue(), snapshot.symbol(), snapshot.ts(), snapshot.price(), features);
  }

  private BookSnapshot bookAt(String venue, String symbol, long ts) {
    ArrayDeque<BookSnapshot> kept = recent.get(new Key(venue, symbol));
    if (kept == null) {
      return null;
    }
    for (Iterator<BookSnapshot> it = kept.descendingIterator(); it.hasNext(); ) {
      BookSnapshot book = it.next();
      if (book.ts() <= ts) {
        return ts - book.ts() <= maxAgeMicros ? book : null;
      }
    }
    return null;
  }

  /** Feature snapshots that got book features. */
  long joined() {
    return joined;
  }

  /** Feature snapshots without them: no book snapshot at or before their time and young enough. */
  long withoutBook() {
    return withoutBook;
  }

  /** Book snapshots older than one already kept for their symbol (dropped). */
  long outOfOrder() {
    return outOfOrder;
  }

  int books() {
    return recent.size();
  }

  /** Symbols whose books were dropped to stay within the cap. */
  long evictions() {
    return recent.evictions();
  }
}
