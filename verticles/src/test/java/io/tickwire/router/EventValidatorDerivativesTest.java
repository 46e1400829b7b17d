package io.tickwire.router;

import static io.tickwire.testing.DerivativeSamples.markFunding;
import static io.tickwire.testing.DerivativeSamples.optionTicker;
import static io.tickwire.testing.DerivativeSamples.volatilityIndex;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.MarkFunding;
import io.tickwire.codecs.MarketEvent;
import io.tickwire.codecs.OptionContract;
import io.tickwire.codecs.OptionTicker;
import io.tickwire.codecs.VolatilityIndex;
import org.junit.jupiter.api.Test;

/** What the router refuses of the derivatives kinds, each with its reason. */
class EventValidatorDerivativesTest {
  private static final long T = 1_626_993_723_632_000L;
  private static final long NOW = T + 1_000_000;

  private static String reason(MarketEvent event) {
    return EventValidator.rejectReason(event, NOW, 5_000_000);
  }

  @Test
  void wellFormedEventsOfEveryDerivativesKindPass() {
    assertThat(reason(optionTicker("BTC-24SEP21-8000-P", T))).isNull();
    assertThat(reason(markFunding("BTCUSDT", T))).as("a negative funding rate is a market, not an error").isNull();
    assertThat(reason(volatilityIndex("btc_usd", T))).isNull();
  }

  @Test
  void anOptionTickerWithAnImpossibleContractOrPriceIsRefused() {
    OptionTicker t = optionTicker("BTC-24SEP21-8000-P", T);
    assertThat(reason(withContract(t, new OptionContract("BTC 24SEP21", 1, t.contract().strike(),
        t.contract().type())))).isEqualTo("bad_field");
    assertThat(reason(withContract(t, new OptionContract("BTC-24SEP21", 0, t.contract().strike(),
        t.contract().type())))).isEqualTo("bad_expiry");
    assertThat(reason(withContract(t, new OptionContract("BTC-24SEP21", 1, Decimals.parse("0"),
        t.contract().type())))).isEqualTo("bad_price");
    assertThat(reason(new OptionTicker(t.venue(), t.symbol(), t.contract(), Decimals.parse("-0.001"), 0, 0, 0, 0,
        0, 0, 1, 1, 1, t.greeks(), 0, T, 0, 0))).isEqualTo("bad_price");
    assertThat(reason(new OptionTicker(t.venue(), t.symbol(), t.contract(), t.markPrice(), 0, 0, 0, 0, 0, 0, 1, 1,
        1, t.greeks(), Decimals.parse("-1"), T, 0, 0))).isEqualTo("bad_size");
    assertThat(reason(new OptionTicker(t.venue(), t.symbol(), t.contract(), t.markPrice(), 0, 0, 0, 0, 0, 0,
        Double.NaN, Double.NaN, Double.NaN, t.greeks(), 0, T, 0, 0))).as("no bid, no ask, no volatility: fine")
        .isNull();
  }

  @Test
  void aMarkWithoutPriceAVolatilityOfZeroAndAFutureStampAreRefused() {
    MarkFunding m = markFunding("BTCUSDT", T);
    assertThat(reason(new MarkFunding(m.venue(), m.symbol(), 0, m.indexPrice(), m.settlementPrice(),
        m.fundingRate(), m.nextFundingTime(), T, 0, 0))).isEqualTo("bad_price");
    assertThat(reason(new MarkFunding(m.venue(), m.symbol(), m.markPrice(), m.indexPrice(), m.settlementPrice(),
        m.fundingRate(), -1, T, 0, 0))).isEqualTo("bad_funding_time");
    assertThat(reason(new VolatilityIndex("deribit", "btc_usd", 0, T, 0, 0))).isEqualTo("bad_value");
    assertThat(reason(volatilityIndex("btc_usd", NOW + 60_000_000))).isEqualTo(EventValidator.FUTURE_TIMESTAMP);
    assertThat(reason(volatilityIndex("", T))).isEqualTo("missing_symbol");
  }

  private static OptionTicker withContract(OptionTicker t, OptionContract contract) {
    return new OptionTicker(t.venue(), t.symbol(), contract, t.markPrice(), t.bidPrice(), t.bidSize(), t.askPrice(),
        t.askSize(), t.underlyingPrice(), t.indexPrice(), t.markIv(), t.bidIv(), t.askIv(), t.greeks(),
        t.openInterest(), t.eventTime(), t.ingestTime(), t.seq());
  }
}
