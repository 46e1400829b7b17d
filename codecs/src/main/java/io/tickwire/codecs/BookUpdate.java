package io.tickwire.codecs;

import java.util.List;
import java.util.Objects;

/**
 * Order-book levels: a full {@code snapshot} that replaces the book, or a delta applied on top of it.
 * {@code levels} is an immutable copy.
 */
public record BookUpdate(
    String venue,
    String symbol,
    boolean snapshot,
    List<BookLevel> levels,
    long eventTime,
    long ingestTime,
    long seq) implements MarketEvent {

  public BookUpdate {
    Objects.requireNonNull(venue, "venue");
    Objects.requireNonNull(symbol, "symbol");
    levels = List.copyOf(levels);
  }

  @Override
  public BookUpdate withSeq(long seq) {
    return new BookUpdate(venue, symbol, snapshot, levels, eventTime, ingestTime, seq);
  }

  @Override
  public BookUpdate withIngestTime(long ingestTime) {
    return new BookUpdate(venue, symbol, snapshot, levels, eventTime, ingestTime, seq);
  }

  @Override
  public EventKind kind() {
    return EventKind.BOOK;
  }
}
