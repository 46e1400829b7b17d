package io.tickwire.connector.venue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Following consecutive trade ids: what is a hole, what carries over a disconnect, and the bound on products. */
class TradeIdRunsTest {
  @Test
  void aJumpIsAHoleButARepeatOrALateTradeIsNot() {
    TradeIdRuns runs = new TradeIdRuns();
    assertThat(runs.advance("A", 10, 1_000)).as("the first trade only starts the run").isEqualTo(-1);
    assertThat(runs.advance("A", 11, 2_000)).isEqualTo(-1);
    assertThat(runs.lastMicros("A")).isEqualTo(2_000);
    assertThat(runs.advance("A", 15, 3_000)).as("12 to 14 missing").isEqualTo(11);
    assertThat(runs.advance("A", 13, 2_500)).as("late").isEqualTo(-1);
    assertThat(runs.advance("A", 15, 3_000)).as("repeat").isEqualTo(-1);
    assertThat(runs.lastMicros("A")).isEqualTo(3_000);
  }

  @Test
  void aDisconnectCarriesEachProductsLastIdAndTimeUntilItsNextTrade() {
    TradeIdRuns runs = new TradeIdRuns();
    runs.advance("A", 10, 1_000);
    runs.carryOver("disconnected: peer closed");
    assertThat(runs.takeCarried("A")).isEqualTo(new TradeIdRuns.Carried(10, 1_000, "disconnected: peer closed"));
    assertThat(runs.takeCarried("A")).as("once").isNull();
    assertThat(runs.advance("A", 20, 5_000)).as("a new connection starts a new run").isEqualTo(-1);
  }

  @Test
  void aFloodOfInventedProductsStaysBounded() {
    TradeIdRuns runs = new TradeIdRuns();
    for (int i = 0; i < TradeIdRuns.MAX_PRODUCTS * 3; i++) {
      runs.advance("P" + i, i, i);
    }
    runs.carryOver("disconnected: flood");
    for (int i = 0; i < TradeIdRuns.MAX_PRODUCTS * 3; i++) {
      runs.advance("Q" + i, i, i);
    }
    assertThat(runs.size()).isLessThanOrEqualTo(2 * TradeIdRuns.MAX_PRODUCTS);
    assertThat(runs.advance("Q" + (TradeIdRuns.MAX_PRODUCTS * 3 - 1), 1_000_000, 1))
        .as("the most recent products are still followed").isGreaterThanOrEqualTo(0);
  }
}
