package io.tickwire.connector.venue;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.FeedGap;
import io.tickwire.codecs.MarketEvent;
import io.tickwire.codecs.Side;
import io.tickwire.codecs.Trade;
import io.tickwire.config.ConnectorSettings.Overflow;
import java.util.List;
import org.junit.jupiter.api.Test;

class InboundBufferTest {
  private static Trade trade(String symbol, int id) {
    return new Trade("kraken", symbol, Integer.toString(id), Decimals.parse("100"), Decimals.parse("1"), Side.BUY,
        1_700_000_000_000_000L + id, 0, 0);
  }

  @Test
  void dropOldestPutsAGapMarkerAheadOfWhatSurvivedForEachSymbolThatLostEvents() {
    InboundBuffer buffer = new InboundBuffer("kraken", 3, Overflow.DROP_OLDEST);
    assertThat(buffer.add(trade("A", 1))).isTrue();
    buffer.add(trade("B", 2));
    buffer.add(trade("A", 3));
    assertThat(buffer.add(trade("B", 4))).as("drop-oldest keeps going").isTrue();
    buffer.add(trade("B", 5));

    List<MarketEvent> batch = buffer.take(10);
    assertThat(buffer.dropped()).isEqualTo(2);
    assertThat(batch).hasSize(5);
    assertThat(batch.subList(0, 2)).allSatisfy(e -> assertThat(e).isInstanceOf(FeedGap.class));
    assertThat(batch.subList(0, 2)).extracting(MarketEvent::symbol).containsExactly("A", "B");
    assertThat(batch.subList(2, 5)).extracting(e -> ((Trade) e).tradeId()).containsExactly("3", "4", "5");
    assertThat(buffer.isEmpty()).isTrue();
    assertThat(buffer.take(10)).as("a marker is sent once").isEmpty();
  }

  @Test
  void reconnectRefusesTheNewEventButKeepsWhatWasBufferedAndMarkersStillGetIn() {
    InboundBuffer buffer = new InboundBuffer("kraken", 2, Overflow.RECONNECT);
    buffer.add(trade("A", 1));
    buffer.add(trade("A", 2));
    assertThat(buffer.add(trade("A", 3))).isFalse();
    buffer.addMarker(new FeedGap("kraken", "A", "reconnect", 5, 5, 0));

    assertThat(buffer.dropped()).isEqualTo(1);
    assertThat(buffer.take(2)).extracting(e -> ((Trade) e).tradeId()).containsExactly("1", "2");
    assertThat(buffer.take(2)).singleElement().isInstanceOf(FeedGap.class);
  }
}
