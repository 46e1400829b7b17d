package io.tickwire.batcher;

import java.util.Map;

/** What happened to book events in one partition's order books; read by tests and health. */
public final class BookCounters {
  long updates;
  long ignored;
  long gapDrops;
  long snapshots;
  long withheld;
  long crossings;

  /** Book events applied (full snapshots and deltas). */
  public long updates() {
    return updates;
  }

  /** Deltas for a book that is not valid (no snapshot yet, or none since a feed gap): they cannot be applied. */
  public long ignored() {
    return ignored;
  }

  /** Valid books dropped because the feed marked a gap. */
  public long gapDrops() {
    return gapDrops;
  }

  /** Book snapshots taken. */
  public long snapshots() {
    return snapshots;
  }

  /** Snapshots not taken because the book was crossed then: its spread, mid and microprice mean nothing. */
  public long withheld() {
    return withheld;
  }

  /** Times a book became crossed (each a crossed_book anomaly). */
  public long crossings() {
    return crossings;
  }

  /** Adds these counts to {@code sums} under their health names (an instance sums its partitions). */
  void addTo(Map<String, Long> sums) {
    sums.merge("book_updates", updates, Long::sum);
    sums.merge("book_updates_ignored", ignored, Long::sum);
    sums.merge("books_dropped_on_gap", gapDrops, Long::sum);
    sums.merge("book_snapshots", snapshots, Long::sum);
    sums.merge("book_snapshots_withheld", withheld, Long::sum);
  }
}
