package io.tickwire.batcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tickwire.codecs.Anomaly;
import io.tickwire.codecs.BookLevel;
import io.tickwire.codecs.BookSnapshot;
import io.tickwire.codecs.BookUpdate;
import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.FeedGap;
import io.tickwire.codecs.MarketEvent;
import io.tickwire.codecs.Side;
import io.tickwire.codecs.Trade;
import io.tickwire.config.BookSettings;
import io.tickwire.codecs.AnomalyTypes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartitionBooksTest {
  private static final long S = 1_000_000L;
  private static final long MS = 1_000L;
  /** A whole second, so snapshot intervals start at T0 + k seconds. */
  private static final long T0 = 1_714_564_800L * S;

  private final List<BookSnapshot> snapshots = new ArrayList<>();
  private final List<Anomaly> anomalies = new ArrayList<>();

  private static PartitionBooks books(int maxLevels, int depth) {
    return new PartitionBooks(new BookSettings(maxLevels, 1_000, depth, 3_000));
  }

  private static BookLevel bid(String price, String size) {
    return new BookLevel(Side.BUY, Decimals.parse(price), Decimals.parse(size));
  }

  private static BookLevel ask(String price, String size) {
    return new BookLevel(Side.SELL, Decimals.parse(price), Decimals.parse(size));
  }

  private static BookUpdate snapshot(long time, BookLevel... levels) {
    return new BookUpdate("kraken", "XBT/USD", true, List.of(levels), time, time, 0);
  }

  private static BookUpdate delta(long time, BookLevel... levels) {
    return new BookUpdate("kraken", "XBT/USD", false, List.of(levels), time, time, 0);
  }

  private static FeedGap gap(long time) {
    return new FeedGap("kraken", "XBT/USD", "checksum mismatch", time, time, 0);
  }

  private static BookUpdate fourLevels(long time) {
    return snapshot(time, bid("100.0", "1"), bid("99.5", "2"), ask("100.5", "1.5"), ask("101", "3"));
  }

  private void apply(PartitionBooks books, MarketEvent... events) {
    books.onEvents(List.of(events), snapshots, anomalies);
  }

  private static List<String> prices(List<BookLevel> levels) {
    return levels.stream().map(l -> Decimals.toString(l.price()) + "x" + Decimals.toString(l.size())).toList();
  }

  @Test
  void snapshotThenDeltasGiveTheTopOfBookAndItsFeaturesAtTheNextIntervalStart() {
    PartitionBooks books = books(1000, 10);
    apply(books, fourLevels(T0 + 100 * MS),
        delta(T0 + 200 * MS, bid("100.0", "0"), bid("100.25", "4"), ask("100.50", "2")));
    assertThat(snapshots).as("the interval the book is in has not ended").isEmpty();

    apply(books, delta(T0 + 1_100 * MS, bid("90", "1")));

    assertThat(snapshots).singleElement().satisfies(s -> {
      assertThat(s.ts()).as("the book as it stood at the interval's start").isEqualTo(T0 + S);
      assertThat(prices(s.bids())).containsExactly("100.25x4", "99.5x2");
      assertThat(prices(s.asks())).as("1.5 re-keyed as the latest text 100.50").containsExactly("100.50x2", "101x3");
      assertThat(s.mid()).isCloseTo((100.25 + 100.5) / 2, within(1e-12));
      assertThat(s.spreadBps()).isCloseTo(0.25 / 100.375 * 10_000, within(1e-9));
      assertThat(s.imbalance5()).isCloseTo((6.0 - 5.0) / 11.0, within(1e-15));
      assertThat(s.microprice()).isCloseTo((100.25 * 2 + 100.5 * 4) / 6, within(1e-12));
    });
    assertThat(anomalies).isEmpty();
    assertThat(books.counters().updates()).isEqualTo(3);
  }

  @Test
  void oneSnapshotPerIntervalStampedWithTheIntervalItsFirstEventOpens() {
    PartitionBooks books = books(1000, 10);
    apply(books, fourLevels(T0 + 10 * MS), delta(T0 + 500 * MS, bid("99", "1")), delta(T0 + 999 * MS, bid("98", "1")));
    apply(books, delta(T0 + 1_000 * MS, bid("97", "1")), delta(T0 + 1_500 * MS, bid("96", "1")));
    apply(books, delta(T0 + 900 * MS, bid("95", "1")));
    assertThat(snapshots).as("an older event opens nothing").extracting(BookSnapshot::ts).containsExactly(T0 + S);

    apply(books, delta(T0 + 4_200 * MS, bid("94", "1")));
    assertThat(snapshots).as("quiet intervals in between: one snapshot, at the start of the new one")
        .extracting(BookSnapshot::ts).containsExactly(T0 + S, T0 + 4 * S);
    assertThat(prices(snapshots.get(0).bids())).containsExactly("100.0x1", "99.5x2", "99x1", "98x1");
    assertThat(books.counters().snapshots()).isEqualTo(2);
  }

  @Test
  void batchBoundariesDoNotChangeTheSnapshots() {
    List<MarketEvent> events = List.of(fourLevels(T0), delta(T0 + 700 * MS, ask("100.5", "0")),
        delta(T0 + 1_300 * MS, bid("99.9", "5")), delta(T0 + 2_100 * MS, ask("100.7", "1")),
        delta(T0 + 3_000 * MS, bid("99.9", "0")));
    PartitionBooks whole = books(1000, 10);
    whole.onEvents(events, snapshots, anomalies);
    List<BookSnapshot> oneBatch = List.copyOf(snapshots);

    snapshots.clear();
    PartitionBooks single = books(1000, 10);
    for (MarketEvent event : events) {
      apply(single, event);
    }
    assertThat(oneBatch).hasSize(3).isEqualTo(snapshots);
  }

  @Test
  void aGapDropsTheBookUntilTheNextSnapshot() {
    PartitionBooks books = books(1000, 10);
    apply(books, fourLevels(T0), gap(T0 + 300 * MS));
    assertThat(books.valid("kraken", "XBT/USD")).isFalse();

    apply(books, delta(T0 + 1_200 * MS, bid("99.9", "1")), delta(T0 + 2_200 * MS, bid("99.8", "1")));
    assertThat(snapshots).as("an invalid book shows nothing").isEmpty();
    assertThat(books.counters().ignored()).isEqualTo(2);
    assertThat(books.counters().gapDrops()).isEqualTo(1);

    apply(books, snapshot(T0 + 2_500 * MS, bid("98", "1"), ask("99", "1")), delta(T0 + 3_100 * MS, bid("97", "1")));
    assertThat(books.valid("kraken", "XBT/USD")).isTrue();
    assertThat(snapshots).singleElement().satisfies(s -> {
      assertThat(s.ts()).isEqualTo(T0 + 3 * S);
      assertThat(prices(s.bids())).as("only what the new snapshot holds").containsExactly("98x1");
      assertThat(prices(s.asks())).containsExactly("99x1");
    });
  }

  @Test
  void deltasBeforeTheFirstSnapshotAndGapsOfUnknownBooksAreIgnored() {
    PartitionBooks books = books(1000, 10);
    apply(books, gap(T0), delta(T0 + 100 * MS, bid("1", "1")), delta(T0 + 1_100 * MS, bid("2", "1")));
    assertThat(snapshots).isEmpty();
    assertThat(books.valid("kraken", "XBT/USD")).isFalse();
    assertThat(books.counters().ignored()).isEqualTo(2);
    assertThat(books.counters().gapDrops()).isZero();
  }

  @Test
  void aCrossedBookIsOneAnomalyPerCrossingAndWithholdsSnapshotsUntilItUncrosses() {
    PartitionBooks books = books(1000, 10);
    apply(books, fourLevels(T0), delta(T0 + 100 * MS, bid("100.6", "1")), delta(T0 + 200 * MS, bid("100.7", "1")));
    assertThat(anomalies).singleElement().satisfies(a -> {
      assertThat(a.type()).isEqualTo(AnomalyTypes.CROSSED_BOOK);
      assertThat(a.venue()).isEqualTo("kraken");
      assertThat(a.symbol()).isEqualTo("XBT/USD");
      assertThat(a.ts()).isEqualTo(T0 + 100 * MS);
      assertThat(a.detail()).isEqualTo("best bid 100.6 >= best ask 100.5 after a book update");
      assertThat(a.measure()).as("bps the bid reaches past the ask").isCloseTo(0.1 / 100.55 * 10_000, within(1e-9));
    });

    apply(books, delta(T0 + 1_100 * MS, ask("100.5", "0")));
    assertThat(snapshots).as("crossed at the interval start: withheld").isEmpty();
    assertThat(books.counters().withheld()).isEqualTo(1);

    apply(books, delta(T0 + 1_200 * MS, ask("101", "0"), bid("100.6", "0"), bid("100.7", "0")),
        delta(T0 + 2_100 * MS, bid("99", "1")));
    assertThat(snapshots).as("uncrossed again").extracting(BookSnapshot::ts).containsExactly(T0 + 2 * S);
    assertThat(snapshots.get(0).spreadBps()).isNaN();

    apply(books, delta(T0 + 2_200 * MS, ask("99", "1")));
    assertThat(anomalies).as("a new crossing is a new anomaly").hasSize(2);
    assertThat(anomalies.get(1).detail()).isEqualTo("best bid 100.0 >= best ask 99 after a book update");
    assertThat(books.counters().crossings()).isEqualTo(2);
  }

  @Test
  void depthIsCappedAndSnapshotsHoldTheConfiguredTopLevels() {
    PartitionBooks books = books(3, 2);
    apply(books, snapshot(T0, bid("10", "1"), bid("9", "1"), bid("8", "1"), bid("7", "1"), bid("6", "1"),
        ask("11", "1")));
    apply(books, delta(T0 + 100 * MS, bid("10", "0"), bid("9", "0")), delta(T0 + 1_000 * MS, ask("12", "1")));
    assertThat(snapshots).singleElement().satisfies(s -> {
      assertThat(prices(s.bids())).as("7 and 6 were cut at 3 levels, so one level is left").containsExactly("8x1");
      assertThat(prices(s.asks())).containsExactly("11x1");
    });
  }

  @Test
  void tradesAreLeftAloneAndEachSymbolHasItsOwnBook() {
    PartitionBooks books = books(1000, 10);
    Trade trade = new Trade("kraken", "XBT/USD", "t1", Decimals.parse("100"), Decimals.parse("1"), Side.BUY,
        T0 + 5 * S, T0 + 5 * S, 0);
    BookUpdate eth = new BookUpdate("kraken", "ETH/USD", true, List.of(bid("3000", "1"), ask("3001", "1")), T0, T0,
        0);
    apply(books, fourLevels(T0), eth, trade, gap(T0 + 100 * MS).withSeq(1));
    assertThat(books.valid("kraken", "ETH/USD")).isTrue();
    assertThat(books.valid("kraken", "XBT/USD")).isFalse();
    assertThat(books.validBooks()).isEqualTo(1);
    apply(books, new BookUpdate("kraken", "ETH/USD", false, List.of(bid("3000.5", "2")), T0 + S, T0 + S, 0));
    assertThat(snapshots).singleElement().satisfies(s -> {
      assertThat(s.symbol()).isEqualTo("ETH/USD");
      assertThat(s.ts()).as("a trade's time opens no book interval").isEqualTo(T0 + S);
    });
  }
}
