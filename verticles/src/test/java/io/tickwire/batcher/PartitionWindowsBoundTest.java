package io.tickwire.batcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.Bar;
import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.MarketEvent;
import io.tickwire.codecs.Side;
import io.tickwire.codecs.Trade;
import io.tickwire.config.BatcherSettings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The symbol cap of a partition's windows, and when a symbol's window state may go. */
class PartitionWindowsBoundTest {
  private static final long S = 1_000_000L;
  private static final long MS = 1_000L;
  private static final long T0 = 1_700_000_000L * S;
  private static final long HORIZON_MS = 60_000;
  private static final BatcherSettings SETTINGS = new BatcherSettings(new long[] {1_000, 10_000}, 500, 2_000,
      BatcherSettings.LatePolicy.REVISE, HORIZON_MS, 1);

  private static Trade trade(String symbol, long offset, String price) {
    return new Trade("v", symbol, symbol + offset, Decimals.parse(price), Decimals.parse("1"), Side.BUY, T0 + offset,
        0, 0);
  }

  @Test
  void aSymbolIsDroppedOnlyOnceEveryBarOfItsIsEmittedAndPastTheRevisionHorizon() {
    PartitionWindows bounded = new PartitionWindows(SETTINGS, 10);
    List<Bar> out = new ArrayList<>();
    bounded.onEvent(trade("A", 200 * MS, "10"), T0, out);
    bounded.onEvent(trade("B", 20 * S, "20"), T0, out);
    assertThat(out).as("A's bars closed").extracting(Bar::symbol).contains("A");
    assertThat(bounded.symbols()).as("A's bars are still revisable").isEqualTo(2);

    bounded.onEvent(trade("A", 300 * MS, "11"), T0, out);
    assertThat(out.get(out.size() - 1)).as("a late trade still revises A").satisfies(bar -> {
      assertThat(bar.symbol()).isEqualTo("A");
      assertThat(bar.revision()).isEqualTo(1);
    });

    bounded.onEvent(trade("B", 10 * S + HORIZON_MS * MS + 600 * MS, "21"), T0, out);
    assertThat(bounded.symbols()).as("A's last bar left the horizon: A holds nothing any more").isEqualTo(1);
    assertThat(bounded.counters().symbolsEvicted()).isEqualTo(1);
  }

  @Test
  void droppingIdleSymbolsChangesNoBar() {
    List<MarketEvent> stream = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      String symbol = "S" + (i % 7 == 0 ? "LIVE" : i); // one live symbol among many that trade once
      stream.add(trade(symbol, i * 500 * MS, Integer.toString(100 + i % 13)));
      if (i % 5 == 0) {
        stream.add(trade("SLIVE", i * 500 * MS - 700 * MS, "99")); // late, revising
      }
    }
    PartitionWindows bounded = new PartitionWindows(SETTINGS, 1_000);
    List<Bar> boundedOut = run(bounded, stream);
    List<Bar> unboundedOut = run(new PartitionWindows(SETTINGS), stream);

    assertThat(sorted(boundedOut)).isEqualTo(sorted(unboundedOut));
    assertThat(bounded.counters().symbolsEvicted()).as("symbols idle past the horizon were dropped").isPositive();
    assertThat(bounded.symbols()).isLessThan(400 - 400 / 7);
  }

  @Test
  void aNewSymbolPastTheCapIsRefusedAndChangesNoOtherSymbolsBars() {
    List<MarketEvent> stream = new ArrayList<>();
    List<MarketEvent> withoutFlood = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      Trade a = trade("A", i * 100 * MS, Integer.toString(10 + i % 7));
      Trade b = trade("B", i * 100 * MS + 1, Integer.toString(20 + i % 5));
      Trade flood = trade("NEW" + i, i * 100 * MS + 2, "1");
      stream.addAll(List.of(a, b, flood));
      withoutFlood.addAll(List.of(a, b));
    }
    PartitionWindows capped = new PartitionWindows(SETTINGS, 3);
    List<Bar> cappedOut = run(capped, stream);
    List<Bar> reference = run(new PartitionWindows(SETTINGS), withoutFlood);

    assertThat(sorted(cappedOut.stream().filter(bar -> !bar.symbol().startsWith("NEW")).toList()))
        .isEqualTo(sorted(reference));
    assertThat(capped.symbols()).isLessThanOrEqualTo(3);
    assertThat(capped.counters().symbolCapRefused()).isPositive();
  }

  /** Bars closing together come in symbol-map order, which differs between maps of different sizes. */
  private static List<Bar> sorted(List<Bar> bars) {
    return bars.stream().sorted(Comparator.comparingLong(Bar::end).thenComparingLong(Bar::intervalMillis)
        .thenComparing(Bar::symbol).thenComparingInt(Bar::revision)).toList();
  }

  private static List<Bar> run(PartitionWindows windows, List<MarketEvent> events) {
    List<Bar> out = new ArrayList<>();
    for (int i = 0; i < events.size(); i += 10) {
      windows.onEvents(events.subList(i, Math.min(events.size(), i + 10)), T0, out);
    }
    windows.flush(out);
    return out;
  }
}
