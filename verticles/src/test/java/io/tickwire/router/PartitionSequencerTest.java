package io.tickwire.router;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.MarketEvent;
import io.tickwire.codecs.Side;
import io.tickwire.codecs.Trade;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartitionSequencerTest {
  @Test
  void eachPartitionNumbersItsEventsFromOneAndATakeEmptiesIt() {
    PartitionSequencer sequencer = new PartitionSequencer(16);
    Trade btc = trade("BTC-USD", "1");
    int p = sequencer.partitionOf(btc);
    assertThat(p).isEqualTo(Partitioner.partition("kraken", "BTC-USD", 16));

    assertThat(sequencer.append(p, btc).seq()).isEqualTo(1);
    assertThat(sequencer.append(p, trade("BTC-USD", "2")).seq()).isEqualTo(2);
    List<MarketEvent> taken = sequencer.take(p);
    assertThat(taken).extracting(MarketEvent::seq).containsExactly(1L, 2L);
    assertThat(sequencer.take(p)).as("nothing gathered since the take").isNull();

    assertThat(sequencer.append(p, trade("BTC-USD", "3")).seq()).as("numbers go on after a take").isEqualTo(3);
    assertThat(sequencer.lastSequenceNumbers()[p]).isEqualTo(3);
  }

  private static Trade trade(String symbol, String id) {
    return new Trade("kraken", symbol, id, 100, 1, Side.BUY, 1_000_000L, 1_000_100L, 0);
  }
}
