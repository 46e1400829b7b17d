package io.tickwire.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.Side;
import io.tickwire.codecs.Trade;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DelayBufferTest {
  private static final long MAX_DELAY = 500_000;

  private static Trade trade(String symbol, long id, long micros) {
    return new Trade("v", symbol, Long.toString(id), Decimals.parse("1"), Decimals.parse("1"), Side.BUY, micros, 0,
        0);
  }

  @Test
  void aHeldTradeGoesOutRightAfterTheFirstTradeOfItsSymbolPastItsDelay() {
    DelayBuffer buffer = new DelayBuffer(MAX_DELAY);
    List<String> out = new ArrayList<>();
    buffer.hold(trade("A", 1, 0), 100_000);
    for (Trade t : List.of(trade("B", 1, 50_000), trade("A", 2, 60_000), trade("B", 2, 150_000),
        trade("A", 3, 160_000), trade("A", 4, 170_000))) {
      buffer.releaseOverdue(t.eventTime(), x -> out.add(x.symbol() + x.tradeId()));
      out.add(t.symbol() + t.tradeId());
      buffer.releaseDue(t, x -> out.add(x.symbol() + x.tradeId()));
    }
    assertThat(out).containsExactly("B1", "A2", "B2", "A3", "A1", "A4");
  }

  @Test
  void aHeldTradeNeverFallsMoreThanTheBoundBehindWhenItsSymbolGoesQuiet() {
    DelayBuffer buffer = new DelayBuffer(MAX_DELAY);
    List<String> out = new ArrayList<>();
    buffer.hold(trade("A", 1, 0), MAX_DELAY);
    Trade beyond = trade("B", 1, MAX_DELAY + 1);
    buffer.releaseOverdue(beyond.eventTime(), x -> out.add(x.symbol() + x.tradeId()));
    out.add("B1");
    assertThat(out).containsExactly("A1", "B1");
    assertThat(buffer.size()).isZero();
  }

  @Test
  void itHoldsAtMostTheTradesOfTheBoundWhateverTheStreamsLength() {
    DelayBuffer buffer = new DelayBuffer(MAX_DELAY);
    int most = 0;
    long released = 0;
    for (long i = 0; i < 100_000; i++) { // one trade a millisecond, every one delayed by the most allowed
      Trade t = trade("A", i, i * 1_000);
      long[] count = {0};
      buffer.releaseOverdue(t.eventTime(), x -> count[0]++);
      buffer.hold(t, MAX_DELAY);
      released += count[0];
      most = Math.max(most, buffer.size());
    }
    buffer.drain(x -> { });
    assertThat(most).isLessThanOrEqualTo(501);
    assertThat(released).isEqualTo(100_000 - 501);
    assertThat(buffer.size()).isZero();
  }
}
