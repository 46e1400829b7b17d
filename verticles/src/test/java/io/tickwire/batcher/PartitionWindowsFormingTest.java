package io.tickwire.batcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.Bar;
import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.Side;
import io.tickwire.codecs.Trade;
import io.tickwire.config.BatcherSettings;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Forming bars come from the symbols a trade changed, not from a sweep of every symbol. */
class PartitionWindowsFormingTest {
  private static final long S = 1_000_000L;
  private static final long T0 = 1_700_000_000L * S;
  private static final BatcherSettings SETTINGS = new BatcherSettings(new long[] {1_000, 10_000}, 500, 2_000,
      BatcherSettings.LatePolicy.REVISE, 60_000, 1);

  private static Trade trade(String symbol, long offset) {
    return new Trade("v", symbol, symbol + offset, Decimals.parse("10"), Decimals.parse("1"), Side.BUY, T0 + offset,
        0, 0);
  }

  @Test
  void onlyTheSymbolsATradeChangedSinceTheLastCollectionAreCollected() {
    PartitionWindows windows = new PartitionWindows(SETTINGS);
    List<Bar> closed = new ArrayList<>();
    windows.onEvent(trade("A", 100), T0, closed);
    windows.onEvent(trade("B", 200), T0, closed);
    assertThat(forming(windows)).extracting(Bar::symbol).containsExactlyInAnyOrder("A", "A", "B", "B");
    windows.onEvent(trade("A", 300), T0, closed);
    assertThat(forming(windows)).extracting(Bar::symbol).containsExactly("A", "A");
    assertThat(forming(windows)).isEmpty();
  }

  @Test
  void withNobodyCollectingTheChangedSymbolsStayBoundedBySymbolsStillOpen() {
    PartitionWindows windows = new PartitionWindows(SETTINGS);
    List<Bar> closed = new ArrayList<>();
    for (int i = 0; i < 200_000; i++) {
      // a new symbol every 50 trades, each silent after its turn: its windows close and it is dropped
      windows.onEvent(trade("S" + i / 50, i * 10_000L), T0, closed);
    }
    assertThat(windows.formingChangedCount()).isLessThanOrEqualTo(2 * 50 + 1024 + 1);
    assertThat(closed).isNotEmpty();
  }

  private static List<Bar> forming(PartitionWindows windows) {
    List<Bar> out = new ArrayList<>();
    windows.collectForming(out);
    return out;
  }
}
