package io.tickwire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.Bar;
import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.Side;
import io.tickwire.codecs.Signal;
import io.tickwire.codecs.Trade;
import io.tickwire.codecs.V1Json;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What {@code tail} prints for each kind of message, in both formats. */
class TailFormatTest {
  private static final long T0 = 1_714_521_600_000_000L;
  private final Trade trade = new Trade("coinbase", "BTC-USD", "7", Decimals.parse("65000.10"), Decimals.parse("0.5"),
      Side.BUY, T0, T0 + 3, 12);
  private final Signal signal = new Signal("coinbase", "ETH-USD", T0, "dip", 1.0, 0.6, Map.of("rule", "dip"));

  @Test
  void jsonIsTheV1LineOfEachRecordAndNoticesPassThrough() {
    TailFormat json = new TailFormat(false);
    assertThat(V1Json.read(json.line(trade))).isEqualTo(trade);
    assertThat(V1Json.read(json.line(signal))).isEqualTo(signal);
    assertThat(json.line(new JsonObject().put("status", "ok"))).isEqualTo("{\"status\":\"ok\"}");
  }

  @Test
  void tableLeadsWithTimeKindVenueAndSymbolThenTheOtherFields() {
    TailFormat table = new TailFormat(true);
    assertThat(table.line(trade)).startsWith("2024-05-01T00:00:00.000000Z trade     coinbase   BTC-USD      ")
        .contains("price=65000.1", "size=0.5", "side=buy", "trade_id=7").doesNotContain("event_id");
    assertThat(table.line(signal)).startsWith("2024-05-01T00:00:00.000000Z signal    coinbase   ETH-USD")
        .contains("name=dip", "score=0.6");
    assertThat(table.line(new Bar("kraken", "XBT/USD", 1_000, T0, 1, 2, 0.5, 1.5, 10, 1.2, 4, 0)))
        .contains("bar       kraken     XBT/USD", "interval=1s", "close=1.5");
  }

  @Test
  void theSymbolFilterReadsEveryKind() {
    assertThat(TailFormat.symbolOf(trade)).isEqualTo("BTC-USD");
    assertThat(TailFormat.symbolOf(signal)).isEqualTo("ETH-USD");
    assertThat(TailFormat.symbolOf(new JsonObject().put("symbol", "SOL-USD"))).isEqualTo("SOL-USD");
    assertThat(TailFormat.symbolOf(new JsonObject())).isNull();
  }
}
