package io.tickwire.recorder;

import static io.tickwire.recorder.Recorded.T0;
import static io.tickwire.recorder.Recorded.trade;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.MarketEvent;
import io.tickwire.testing.DerivativeSamples;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Option tickers, mark/funding updates and volatility index values go through the ring and come back equal. */
class EventRecordsDerivativesTest {
  @Test
  void everyDerivativesKindComesBackEqualBetweenTrades() {
    List<MarketEvent> events = List.of(trade(0), DerivativeSamples.optionTicker("BTC-24SEP21-8000-P", T0 + 1),
        DerivativeSamples.markFunding("BTCUSDT", T0 + 2), DerivativeSamples.volatilityIndex("btc_usd", T0 + 3),
        trade(4));
    EventRing ring = new EventRing(1_000, Long.MAX_VALUE, Long.MAX_VALUE);
    events.forEach(ring::add);

    assertThat(ring.newest(events.size())).containsExactlyElementsOf(events);
    assertThat(ring.bytes()).isEqualTo(Recorded.recordBytes(events));
  }
}
