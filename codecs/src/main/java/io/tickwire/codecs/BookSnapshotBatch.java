package io.tickwire.codecs;

import java.util.List;

/** Periodic order-book snapshots. The list is an immutable copy. */
public record BookSnapshotBatch(List<BookSnapshot> items) implements Batch<BookSnapshot> {
  public BookSnapshotBatch {
    items = List.copyOf(items);
  }
}
