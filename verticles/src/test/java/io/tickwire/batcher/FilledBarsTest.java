package io.tickwire.batcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.Bar;
import io.tickwire.codecs.Trade;
import io.tickwire.config.BatcherSettings;
import io.tickwire.config.BatcherSettings.EmptyPolicy;
import io.tickwire.testing.BarAssertions;
import io.tickwire.testing.ReferenceBars;
import io.tickwire.testing.ReferenceFills;
import io.tickwire.testing.TestStreams;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The empty-window policies against an independent computation ({@link ReferenceFills} over {@link ReferenceBars}):
 * one symbol falls quiet for more than a minute while another keeps trading, sorted and shuffled within the
 * lateness.
 */
class FilledBarsTest {
  private static final long LATENESS_MS = 500;
  private static final long[] INTERVALS = {1_000, 10_000, 60_000};
  private static final long T0 = 1_700_000_040_000_000L; // on a minute
  private static final long MINUTE = 60_000_000L;

  /** ETH-USD trades for two minutes, is silent for 90 s (a whole quiet minute among them), then trades again. */
  private static List<Trade> quietMinuteStream() {
    Random random = new Random(24);
    List<Trade> trades = new ArrayList<>();
    trades.addAll(TestStreams.walk("v", "BTC-USD", T0, T0 + 6 * MINUTE, 40_000, 1, random));
    trades.addAll(TestStreams.walk("v", "ETH-USD", T0 + 1_234, T0 + 2 * MINUTE, 300_000, 1_000_000, random));
    trades.addAll(TestStreams.walk("v", "ETH-USD", T0 + 3 * MINUTE + 30_000_000, T0 + 5 * MINUTE, 300_000,
        2_000_000, random));
    return TestStreams.sorted(trades);
  }

  @Test
  void flatFillsTheQuietMinuteAtThePreviousCloseWhateverTheArrivalOrder() {
    check(EmptyPolicy.FLAT, 15 * MINUTE / 1000);
  }

  @Test
  void noneFillsTheQuietMinuteWithoutPrices() {
    check(EmptyPolicy.NONE, 15 * MINUTE / 1000);
  }

  @Test
  void fillingStopsAfterTheMaximumGap() {
    check(EmptyPolicy.FLAT, 20_000);
  }

  @Test
  void onlyTheListedIntervalsAreFilled() {
    List<Trade> sorted = quietMinuteStream();
    long watermark = sorted.get(sorted.size() - 1).eventTime() - LATENESS_MS * 1000;
    Map<String, ReferenceBars.Expected> real = ReferenceBars.compute(sorted, INTERVALS);
    Map<String, ReferenceFills.Filled> fills = new TreeMap<>(ReferenceFills.compute(real, ReferenceBars.EPOCH,
        watermark, 15 * MINUTE, true));
    fills.values().removeIf(f -> f.intervalMillis() != 60_000);
    assertThat(fills).isNotEmpty();
    PartitionWindows windows = new PartitionWindows(new BatcherSettings(INTERVALS, LATENESS_MS, 2_000,
        BatcherSettings.LatePolicy.DROP, 60_000, 1,
        BatcherSettings.Shapes.DEFAULT.withEmpty(EmptyPolicy.FLAT, 15 * MINUTE / 1000).withEmptyIntervals(60_000)));
    List<Bar> out = new ArrayList<>();
    for (Trade t : TestStreams.shuffleWithin(sorted, LATENESS_MS * 500, new Random(5))) {
      windows.onEvent(t, 0, out);
    }
    windows.flush(out);
    assertThat(out.stream().filter(Bar::filled).map(BarAssertions::key).toList())
        .containsExactlyInAnyOrderElementsOf(fills.keySet());
  }

  /**
   * Under the revise policy, trades arriving seconds after their window closed: one changes the close before the
   * quiet stretch (the flat bars after it take the new close, as revisions), one lands in a filled window (it becomes
   * a bar with trades, and the filled bars after it take its close). The newest revision of every bar equals the
   * independent computation over all the trades.
   */
  @Test
  void lateTradesReviseFilledBarsAndTheCloseTheyCarry() {
    List<Trade> sorted = quietMinuteStream();
    long quietFrom = T0 + 2 * MINUTE;
    Trade lastBefore = sorted.stream().filter(t -> t.symbol().equals("ETH-USD") && t.eventTime() < quietFrom)
        .reduce((a, b) -> b).orElseThrow();
    Trade changesClose = new Trade("v", "ETH-USD", "3000001", lastBefore.price() + 5_000, lastBefore.size(),
        lastBefore.side(), lastBefore.eventTime() + 1_000, 0, 0); // later in the same window: the new close
    Trade inQuiet = new Trade("v", "ETH-USD", "3000002", lastBefore.price() - 7_000, lastBefore.size(),
        lastBefore.side(), quietFrom + 20_500_000, 0, 0);
    List<Trade> all = TestStreams.sorted(append(sorted, changesClose, inQuiet));

    // Arrival: the sorted stream, each late trade inserted once the watermark is 5 s past it (beyond the lateness).
    List<Trade> arrival = new ArrayList<>();
    for (Trade t : sorted) {
      arrival.add(t);
      for (Trade late : List.of(changesClose, inQuiet)) {
        if (t.eventTime() - LATENESS_MS * 1000 - late.eventTime() >= 5_000_000
            && t.eventTime() - LATENESS_MS * 1000 - late.eventTime() < 5_000_000 + 40_000 * 3 && !arrival.contains(late)) {
          arrival.add(late);
        }
      }
    }
    assertThat(arrival).contains(changesClose, inQuiet);

    PartitionWindows windows = new PartitionWindows(new BatcherSettings(INTERVALS, LATENESS_MS, 2_000,
        BatcherSettings.LatePolicy.REVISE, 10 * MINUTE / 1000, 1,
        BatcherSettings.Shapes.DEFAULT.withEmpty(EmptyPolicy.FLAT, 15 * MINUTE / 1000)));
    List<Bar> out = new ArrayList<>();
    for (Trade t : arrival) {
      windows.onEvent(t, 0, out);
    }
    windows.flush(out);
    assertThat(windows.counters().lateRevised()).as("both late trades revise").isGreaterThanOrEqualTo(2);

    long watermark = all.get(all.size() - 1).eventTime() - LATENESS_MS * 1000;
    Map<String, ReferenceBars.Expected> real = ReferenceBars.compute(all, INTERVALS);
    Map<String, ReferenceFills.Filled> fills = ReferenceFills.compute(real, ReferenceBars.EPOCH, watermark,
        15 * MINUTE, true);
    Map<String, Bar> latest = BarAssertions.latestRevisions(out);
    Map<String, Bar> withTrades = new TreeMap<>(latest);
    withTrades.values().removeIf(Bar::filled);
    BarAssertions.assertMatches(withTrades, real);
    Map<String, Bar> filled = new TreeMap<>(latest);
    filled.values().removeIf(b -> !b.filled());
    assertThat(filled.keySet()).containsExactlyElementsOf(fills.keySet());
    fills.forEach((key, e) -> assertThat(filled.get(key).close()).as(key).isEqualTo(e.price()));
    assertThat(out).as("some filled bars were re-priced").anyMatch(b -> b.filled() && b.revision() > 0);
  }

  private static List<Trade> append(List<Trade> trades, Trade... more) {
    List<Trade> out = new ArrayList<>(trades);
    out.addAll(List.of(more));
    return out;
  }

  @Test
  void skipEmitsOnlyBarsWithTradesAsBefore() {
    List<Trade> sorted = quietMinuteStream();
    List<Bar> out = run(TestStreams.shuffleWithin(sorted, LATENESS_MS * 500, new Random(3)), EmptyPolicy.SKIP,
        900_000);
    assertThat(out).noneMatch(Bar::filled);
    BarAssertions.assertMatches(BarAssertions.latestRevisions(out), ReferenceBars.compute(sorted, INTERVALS));
  }

  private static void check(EmptyPolicy policy, long maxGapMs) {
    List<Trade> sorted = quietMinuteStream();
    long watermark = sorted.get(sorted.size() - 1).eventTime() - LATENESS_MS * 1000;
    Map<String, ReferenceBars.Expected> real = ReferenceBars.compute(sorted, INTERVALS);
    Map<String, ReferenceFills.Filled> fills = ReferenceFills.compute(real, ReferenceBars.EPOCH, watermark,
        maxGapMs * 1000, policy == EmptyPolicy.FLAT);
    if (maxGapMs >= 2 * 60_000) {
      assertThat(fills).as("the quiet minute of ETH-USD is filled").containsKey("v|ETH-USD|60000|" + (T0 + 2 * MINUTE));
    }
    assertThat(fills).as("some windows are filled").isNotEmpty();

    for (List<Trade> input : List.of(sorted, TestStreams.shuffleWithin(sorted, LATENESS_MS * 500, new Random(9)))) {
      List<Bar> out = run(input, policy, maxGapMs);
      Map<String, Bar> withTrades = new TreeMap<>();
      Map<String, Bar> filled = new TreeMap<>();
      for (Bar bar : out) {
        assertThat((bar.filled() ? filled : withTrades).put(BarAssertions.key(bar), bar)).as("emitted once").isNull();
      }
      BarAssertions.assertMatches(withTrades, real);
      assertThat(filled.keySet()).containsExactlyElementsOf(fills.keySet());
      fills.forEach((key, e) -> {
        Bar bar = filled.get(key);
        assertThat(bar.end()).as(key + " end").isEqualTo(e.end());
        assertThat(bar.trades()).as(key + " trades").isZero();
        assertThat(bar.volume()).as(key + " volume").isZero();
        assertThat(bar.revision()).as(key + " revision").isZero();
        for (double price : new double[] {bar.open(), bar.high(), bar.low(), bar.close()}) {
          assertThat(Double.valueOf(price)).as(key + " price (NaN equals NaN boxed)").isEqualTo(Double.valueOf(e.price()));
        }
      });
      assertThat(endsInOrder(out)).as("bars leave in end order").isTrue();
    }
  }

  private static boolean endsInOrder(List<Bar> out) {
    Map<String, Long> lastEnd = new TreeMap<>();
    for (Bar bar : out) {
      String series = bar.venue() + "|" + bar.symbol() + "|" + bar.intervalMillis();
      Long before = lastEnd.put(series, bar.end());
      if (before != null && before > bar.start()) {
        return false;
      }
    }
    return true;
  }

  private static List<Bar> run(List<Trade> trades, EmptyPolicy policy, long maxGapMs) {
    PartitionWindows windows = new PartitionWindows(new BatcherSettings(INTERVALS, LATENESS_MS, 2_000,
        BatcherSettings.LatePolicy.DROP, 60_000, 1, BatcherSettings.Shapes.DEFAULT.withEmpty(policy, maxGapMs)));
    List<Bar> out = new ArrayList<>();
    for (Trade t : trades) {
      windows.onEvent(t, 0, out);
    }
    windows.flush(out);
    assertThat(windows.counters().lateDropped()).as("late drops").isZero();
    return out;
  }
}
