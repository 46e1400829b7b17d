package io.tickwire.recorder;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.testing.DerivativeSamples;
import org.junit.jupiter.api.Test;

/** The flight recorder's size estimate of the derivatives kinds, which its byte bound relies on. */
class EventSizesDerivativesTest {
  @Test
  void eachDerivativesKindIsSizedWithItsOwnFiguresAndStrings() {
    assertThat(EventSizes.estimate(DerivativeSamples.optionTicker("BTC-24SEP21-8000-P", 1)))
        .isEqualTo(EventSizes.SLOT + EventSizes.OPTION_TICKER + 3 * EventSizes.STRING + "deribit".length()
            + "BTC-24SEP21-8000-P".length() + "BTC-24SEP21".length());
    assertThat(EventSizes.estimate(DerivativeSamples.markFunding("BTCUSDT", 1)))
        .isEqualTo(EventSizes.SLOT + EventSizes.MARK_FUNDING + 2 * EventSizes.STRING + "binance_futures".length()
            + "BTCUSDT".length());
    assertThat(EventSizes.estimate(DerivativeSamples.volatilityIndex("btc_usd", 1)))
        .isEqualTo(EventSizes.SLOT + EventSizes.VOLATILITY_INDEX + 2 * EventSizes.STRING + "deribit".length()
            + "btc_usd".length());
  }
}
