package io.tickwire.batcher;

import io.tickwire.codecs.Anomaly;
import io.tickwire.codecs.Bar;
import io.tickwire.codecs.BookSnapshot;
import io.tickwire.codecs.InfoBar;
import java.util.ArrayList;
import java.util.List;

/**
 * What applying a batch to one partition produced: bars, information-driven bars, book snapshots and crossed-book
 * anomalies.
 */
final class PartitionOutput {
  final List<Bar> bars = new ArrayList<>();
  final List<BookSnapshot> snapshots = new ArrayList<>();
  final List<Anomaly> anomalies = new ArrayList<>();
  final List<InfoBar> infoBars = new ArrayList<>();

  /**
   * Keeps only what belongs to windows starting at or after {@code cutoff} (snapshots: stamped at or after it): a
   * partition taken over was rebuilt from a journal that may lack events before it, and the previous owner
   * already emitted those windows.
   */
  void keepFrom(long cutoff) {
    bars.removeIf(bar -> bar.start() < cutoff);
    infoBars.removeIf(bar -> bar.start() < cutoff);
    snapshots.removeIf(snapshot -> snapshot.ts() < cutoff);
  }

  boolean booksQuiet() {
    return snapshots.isEmpty() && anomalies.isEmpty();
  }
}
