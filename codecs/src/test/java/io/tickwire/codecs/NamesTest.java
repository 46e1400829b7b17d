package io.tickwire.codecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NamesTest {
  private static final String TRADE = "{\"ver\":1,\"kind\":\"trade\",\"venue\":\"mine\",\"symbol\":\"%s\","
      + "\"trade_id\":\"%s\",\"price\":10.5,\"size\":2,\"side\":\"buy\",\"src_ts\":\"2024-05-01T12:00:00Z\"}";

  @Test
  void venuesSymbolsAndTradeIdsThatVenuesUseAreFit() {
    for (String venue : new String[] {"coinbase", "binance_futures", "kraken.v2", "Deribit"}) {
      assertThat(Names.venueProblem(venue)).as(venue).isNull();
    }
    for (String symbol : new String[] {"BTC-USD", "XBT/USD", "BTC-27DEC24-60000-C", "btcusdt@perp", "1000SHIBUSDT",
        "BTC-PERPETUAL", "ETH_USDC", "币安人生USDT"}) {
      assertThat(Names.symbolProblem(symbol)).as(symbol).isNull();
    }
    for (String id : new String[] {"1", "1618677817.123456-0", "ETH-123456", "6f1d4b2e-8c1a-4f0e-9d55-0b7f3c2a1e90"}) {
      assertThat(Names.tradeIdProblem(id)).as(id).isNull();
    }
  }

  @Test
  void aControlCharacterIsNamedWithItsCodeAndPosition() {
    assertThat(Names.symbolProblem("BAD\u0000X"))
        .isEqualTo("symbol \"BAD\\u0000X\" has a control character U+0000 at index 3 (allowed: letters, digits and"
            + " -_./:@+#)");
    assertThat(Names.tradeIdProblem("7\n")).contains("control character U+000A at index 1");
    assertThat(Names.venueProblem("my venue")).contains("a space U+0020 at index 2");
    assertThat(Names.symbolProblem("BTC\u200bUSD")).as("a zero-width space").contains("U+200B");
    assertThat(Names.symbolProblem("BTC;DROP")).contains("U+003B");
  }

  @Test
  void anOverlongNameIsCutInTheMessage() {
    String problem = Names.symbolProblem("S".repeat(10_000));
    assertThat(problem).contains("is 10000 characters long (at most 64)").hasSizeLessThan(200);
    assertThat(Names.venueProblem("v".repeat(33))).contains("at most 32");
    assertThat(Names.tradeIdProblem("9".repeat(65))).contains("at most 64");
  }

  @Test
  void theV1DecoderRefusesABadNameAsABadValueOfItsField() {
    assertThatThrownBy(() -> V1Json.readEvent(String.format(TRADE, "BAD\\u0000X", "1")))
        .isInstanceOf(V1FormatException.class)
        .hasMessageContaining("symbol \"BAD\\u0000X\" has a control character U+0000")
        .satisfies(e -> {
          assertThat(((V1FormatException) e).field()).isEqualTo("symbol");
          assertThat(((V1FormatException) e).problem()).isEqualTo(V1FormatException.Problem.BAD_VALUE);
        });
    assertThatThrownBy(() -> V1Json.readEvent(String.format(TRADE, "BTC-USD", "x".repeat(100))))
        .isInstanceOf(V1FormatException.class)
        .satisfies(e -> assertThat(((V1FormatException) e).field()).isEqualTo("trade_id"));
    assertThat(V1Json.readEvent(String.format(TRADE, "BTC-USD", "1")).symbol()).isEqualTo("BTC-USD");
  }
}
