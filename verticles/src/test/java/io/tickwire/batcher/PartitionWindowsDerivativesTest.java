package io.tickwire.batcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.Bar;
import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.MarketEvent;
import io.tickwire.codecs.Side;
import io.tickwire.codecs.Trade;
import io.tickwire.config.Settings;
import io.tickwire.testing.DerivativeSamples;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The derivatives kinds in a partition's windows: counted, moving event time, never a bar. */
class PartitionWindowsDerivativesTest {
  private static final long S = 1_000_000L;

  @Test
  void derivativesEventsAreCountedAndCloseTradeWindowsButMakeNoBarOfTheirOwn() {
    PartitionWindows windows = new PartitionWindows(new Settings.Batcher(new long[] {1_000}, 0, 2_000,
        Settings.LatePolicy.REVISE, 60_000, 1));
    List<Bar> out = new ArrayList<>();
    List<MarketEvent> events = List.of(
        new Trade("deribit", "BTC-PERPETUAL", "1", Decimals.parse("32000"), Decimals.parse("10"), Side.BUY, 10 * S,
            10 * S, 0),
        DerivativeSamples.optionTicker("BTC-24SEP21-8000-P", 10 * S + 1),
        DerivativeSamples.markFunding("BTC-PERPETUAL", 10 * S + 2),
        DerivativeSamples.volatilityIndex("btc_usd", 11 * S + 5));

    windows.onEvents(events, 12 * S, out);

    assertThat(out).as("the DVOL value's time closed the trade's window").singleElement()
        .satisfies(bar -> assertThat(bar.symbol()).isEqualTo("BTC-PERPETUAL"));
    assertThat(windows.counters().derivativeEvents()).isEqualTo(3);
    assertThat(windows.counters().trades()).isEqualTo(1);
    Map<String, Long> health = new HashMap<>();
    windows.counters().addTo(health);
    assertThat(health).containsEntry("derivative_events", 3L);
    windows.flush(out);
    assertThat(out).hasSize(1);
  }
}
