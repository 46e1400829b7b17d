package io.tickwire.batcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.Bar;
import io.tickwire.codecs.Trade;
import io.tickwire.config.BatcherSettings;
import io.tickwire.config.SyntheticSettings;
import io.tickwire.connector.SyntheticFeed;
import io.tickwire.testing.TestStreams;
import io.tickwire.testing.BarAssertions;
import io.tickwire.testing.ReferenceBars;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Bars must not depend on arrival order within the allowed lateness. */
class ShuffledStreamTest {
  private static final long LATENESS_MS = 500;
  private static final long[] INTERVALS = {1_000, 10_000, 60_000};

  @Test
  void shuffledWithinLatenessGivesTheSameBarsAsSortedAndAsTheReference() {
    List<Trade> sorted = syntheticTrades(50_000);
    List<Trade> shuffled = TestStreams.shuffleWithin(sorted, LATENESS_MS * 1000 / 2, new Random(7));

    Map<String, Bar> fromSorted = BarAssertions.latestRevisions(run(sorted));
    Map<String, Bar> fromShuffled = BarAssertions.latestRevisions(run(shuffled));

    Map<String, ReferenceBars.Expected> expected = ReferenceBars.compute(sorted, INTERVALS);
    BarAssertions.assertMatches(fromSorted, expected);
    BarAssertions.assertMatches(fromShuffled, expected);
  }

  private static List<Bar> run(List<Trade> trades) {
    PartitionWindows windows = new PartitionWindows(
        new BatcherSettings(INTERVALS, LATENESS_MS, 2_000, BatcherSettings.LatePolicy.DROP, 60_000, 1));
    List<Bar> out = new ArrayList<>();
    for (Trade t : trades) {
      windows.onEvent(t, 0, out);
    }
    windows.flush(out);
    assertThat(windows.counters().lateDropped()).as("late drops").isZero();
    assertThat(out).as("no revisions within lateness")
        .allSatisfy(b -> assertThat(b.revision()).isZero());
    return out;
  }

  /**
   * Event times truncated to the millisecond, so many trades share a timestamp and open and close rest on the
   * trade-id tie-break.
   */
  private static List<Trade> syntheticTrades(int n) {
    SyntheticSettings synthetic = new SyntheticSettings(true, "synthetic", List.of("BTC-USD", "ETH-USD"), 11,
        20_000, n, 256, 0.8, 0, 0, false);
    SyntheticFeed feed = new SyntheticFeed(synthetic, 1_700_000_000_000_000L);
    List<Trade> trades = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Trade t = feed.next(0);
      trades.add(new Trade(t.venue(), t.symbol(), t.tradeId(), t.price(), t.size(), t.side(),
          t.eventTime() / 1000 * 1000, 0, 0));
    }
    trades.sort(Comparator.comparingLong(Trade::eventTime));
    return trades;
  }
}
