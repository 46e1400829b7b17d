package io.tickwire.batcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.Anomaly;
import io.tickwire.codecs.BookLevel;
import io.tickwire.codecs.BookSnapshot;
import io.tickwire.codecs.BookUpdate;
import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.MarketEvent;
import io.tickwire.codecs.Side;
import io.tickwire.config.BookSettings;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartitionBooksBoundTest {
  private static final long T0 = 1_714_564_800_000_000L;

  private static BookUpdate update(String symbol, boolean snapshot, long time) {
    return new BookUpdate("v", symbol, snapshot, List.of(new BookLevel(Side.BUY, Decimals.parse("10"),
        Decimals.parse("1")), new BookLevel(Side.SELL, Decimals.parse("11"), Decimals.parse("1"))), time, time, 0);
  }

  @Test
  void keepsAtMostTheCapOfBooksDroppingTheLeastRecentlyUpdated() {
    PartitionBooks books = new PartitionBooks(new BookSettings(100, 1_000, 10, 3_000), 3);
    List<BookSnapshot> snapshots = new ArrayList<>();
    List<Anomaly> anomalies = new ArrayList<>();
    List<MarketEvent> events = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      events.add(update("S" + i, true, T0 + i));
      events.add(update("LIVE", i == 0, T0 + i));
    }
    books.onEvents(events, snapshots, anomalies);

    assertThat(books.books()).isEqualTo(3);
    assertThat(books.evictions()).isEqualTo(51 - 3);
    assertThat(books.valid("v", "LIVE")).as("updated on every step, never the least recent").isTrue();
    assertThat(books.valid("v", "S0")).isFalse();
  }

  @Test
  void aDroppedBookIgnoresDeltasUntilItsNextSnapshotAsAfterAGap() {
    PartitionBooks books = new PartitionBooks(new BookSettings(100, 1_000, 10, 3_000), 1);
    List<BookSnapshot> snapshots = new ArrayList<>();
    List<Anomaly> anomalies = new ArrayList<>();
    books.onEvents(List.of(update("A", true, T0), update("B", true, T0 + 1), update("A", false, T0 + 2)), snapshots,
        anomalies);

    assertThat(books.valid("v", "A")).isFalse();
    assertThat(books.counters().ignored()).as("A's delta after its book was dropped").isEqualTo(1);
    books.onEvents(List.of(update("A", true, T0 + 3)), snapshots, anomalies);
    assertThat(books.valid("v", "A")).isTrue();
  }
}
