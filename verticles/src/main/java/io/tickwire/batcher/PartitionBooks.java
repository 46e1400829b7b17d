package io.tickwire.batcher;

import io.tickwire.book.OrderBook;
import io.tickwire.codecs.Anomaly;
import io.tickwire.codecs.BookLevel;
import io.tickwire.codecs.BookSnapshot;
import io.tickwire.codecs.BookUpdate;
import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.FeedGap;
import io.tickwire.coverage.HoleOutcome;
import io.tickwire.codecs.MarketEvent;
import io.tickwire.codecs.Side;
import io.tickwire.config.BookSettings;
import io.tickwire.codecs.AnomalyTypes;
import io.tickwire.flow.LruMap;
import java.util.List;

/**
 * The L2 order books of one partition's (venue, symbol)s, built from the connectors' {@link BookUpdate}s, and the
 * periodic {@link BookSnapshot}s taken of them.
 *
 * <p>Validity: a book is valid from a full snapshot on. A {@link FeedGap} for its symbol drops it (events may have
 * been lost, so its levels can no longer be trusted) until the next snapshot; deltas meanwhile are ignored and
 * counted. Each side keeps at most {@code books.max_levels} levels: a venue may send thousands, and nothing here
 * reads past the top.
 *
 * <p>Snapshots are taken in event time every {@code books.snapshot_interval}, aligned to the epoch: when a book's
 * first event of a new interval arrives, the book as it stands before that event is the book at the interval's
 * start, and is stamped with it. So a replay takes the same snapshots, and a book without updates sends none.
 *
 * <p>Crossed books: when an update leaves a book with best bid at or above best ask, which a consolidated L2 book
 * cannot be, a {@code crossed_book} anomaly is reported once for that crossing, and no snapshots are taken until it
 * uncrosses (a later delta may remove the stale level), because its spread, mid and microprice would be nonsense
 * fed to the features.
 *
 * <p>Bounded state: at most {@code maxBooks} books, least recently updated dropped first (counted). A dropped book
 * comes back as a book without a snapshot, exactly as after a feed gap: its deltas are ignored (counted) until the
 * venue's next snapshot, so a dropped book can never show levels it missed. The cap is {@code router.max_symbols},
 * the most symbols the router lets through at once, so only a book idle longer than every live one is dropped.
 *
 * <p>Only book events and gaps are looked at; trades cost one type check. Not thread-safe: one instance per
 * partition, used from its owner's event loop.
 */
public final class PartitionBooks {
  private static final long NONE = Long.MIN_VALUE;

  private final int maxLevels;
  private final int snapshotDepth;
  private final long intervalMicros;
  private record Key(String venue, String symbol) {
  }

  private final LruMap<Key, SymbolBook> books;
  private final BookCounters counters = new BookCounters();

  public PartitionBooks(BookSettings settings) {
    this(settings, Integer.MAX_VALUE);
  }

  /** @param maxBooks books kept at once; the least recently updated beyond it is dropped */
  public PartitionBooks(BookSettings settings, int maxBooks) {
    this.books = new LruMap<>(maxBooks);
    this.maxLevels = settings.maxLevels();
    this.snapshotDepth = settings.snapshotDepth();
    this.intervalMicros = settings.snapshotIntervalMillis() * 1000;
  }

  /** One symbol's book and where it stands. */
  private static final class SymbolBook {
    final OrderBook book;
    boolean valid;
    boolean crossed;
    /** Start of the snapshot interval of the newest event applied, or NONE. */
    long interval = NONE;

    SymbolBook(String venue, String symbol) {
      this.book = new OrderBook(venue, symbol);
    }
  }

  /**
   * Applies the book events and gaps among {@code events}, in order; snapshots that fall due go to
   * {@code snapshots}, crossed books to {@code anomalies}.
   */
  public void onEvents(List<MarketEvent> events, List<BookSnapshot> snapshots, List<Anomaly> anomalies) {
    for (MarketEvent event : events) {
      if (event instanceof BookUpdate update) {
        onUpdate(update, snapshots, anomalies);
      } else if (event instanceof FeedGap gap) {
        onGap(gap);
      }
    }
  }

  private void onUpdate(BookUpdate update, List<BookSnapshot> snapshots, List<Anomaly> anomalies) {
    SymbolBook state = bookOf(update.venue(), update.symbol());
    snapshotIfDue(state, update.eventTime(), snapshots);
    if (!update.snapshot() && !state.valid) {
      counters.ignored++;
      return;
    }
    apply(state, update);
    checkCrossed(state, update, anomalies);
  }

  /** Takes the snapshot of the interval {@code eventTime} starts, if this is the book's first event in it. */
  private void snapshotIfDue(SymbolBook state, long eventTime, List<BookSnapshot> snapshots) {
    long interval = Math.floorDiv(eventTime, intervalMicros) * intervalMicros;
    if (interval <= state.interval) {
      return; // same interval, or an event older than the newest: nothing new to stamp
    }
    state.interval = interval;
    if (!state.valid) {
      return; // nothing trustworthy to show (a book that never had an event is not valid either)
    }
    if (state.crossed) {
      counters.withheld++;
      return;
    }
    snapshots.add(snapshot(state.book, interval));
    counters.snapshots++;
  }

  private void apply(SymbolBook state, BookUpdate update) {
    if (update.snapshot()) {
      state.book.clear();
      state.valid = true;
    }
    for (BookLevel level : update.levels()) {
      state.book.apply(level); // negative sizes never get here: the router rejects them as bad_size
    }
    if (state.book.depth(Side.BUY) > maxLevels || state.book.depth(Side.SELL) > maxLevels) {
      state.book.truncate(maxLevels);
    }
    counters.updates++;
  }

  private void checkCrossed(SymbolBook state, BookUpdate update, List<Anomaly> anomalies) {
    boolean crossed = state.book.crossed();
    if (crossed && !state.crossed) {
      anomalies.add(crossedBook(state.book, update));
      counters.crossings++;
    }
    state.crossed = crossed;
  }

  /** Measure: how far the bid reaches past the ask, in basis points of the mid (0 when they touch). */
  private static Anomaly crossedBook(OrderBook book, BookUpdate update) {
    String detail = "best bid " + Decimals.toString(book.bestBid()) + " >= best ask "
        + Decimals.toString(book.bestAsk()) + " after a book " + (update.snapshot() ? "snapshot" : "update");
    return new Anomaly(update.venue(), update.symbol(), AnomalyTypes.CROSSED_BOOK, update.eventTime(), detail,
        -book.spreadBps());
  }

  private void onGap(FeedGap gap) {
    if (HoleOutcome.parse(gap.reason()) != null) {
      return; // what became of a hole in trades, filled afterwards: the book lost nothing
    }
    SymbolBook state = books.get(new Key(gap.venue(), gap.symbol()));
    if (state == null || !state.valid) {
      return;
    }
    state.book.clear();
    state.valid = false;
    state.crossed = false;
    counters.gapDrops++;
  }

  private BookSnapshot snapshot(OrderBook book, long ts) {
    return new BookSnapshot(book.venue(), book.symbol(), ts, book.topLevels(Side.BUY, snapshotDepth),
        book.topLevels(Side.SELL, snapshotDepth), book.mid(), book.spreadBps(),
        book.imbalance(BookSnapshot.IMBALANCE_LEVELS), book.microprice());
  }

  private SymbolBook bookOf(String venue, String symbol) {
    return books.computeIfAbsent(new Key(venue, symbol), k -> new SymbolBook(venue, symbol));
  }

  /** Whether the book of ({@code venue}, {@code symbol}) is valid now: it had a snapshot and no gap since. */
  public boolean valid(String venue, String symbol) {
    SymbolBook state = books.get(new Key(venue, symbol));
    return state != null && state.valid;
  }

  /** Books with a snapshot and no gap since. */
  public int validBooks() {
    int n = 0;
    for (SymbolBook state : books.values()) {
      n += state.valid ? 1 : 0;
    }
    return n;
  }

  /** Books kept now, valid or not; at most the cap. */
  public int books() {
    return books.size();
  }

  /** Books dropped, least recently updated first, to stay within the cap. */
  public long evictions() {
    return books.evictions();
  }

  public BookCounters counters() {
    return counters;
  }
}
