package io.tickwire.router.detect;

import static io.tickwire.router.detect.Events.T0;
import static io.tickwire.router.detect.Events.quote;
import static io.tickwire.router.detect.Events.trade;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.Anomaly;
import io.tickwire.codecs.MarketEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OrderDetectorTest {
  private final SymbolStates states = new SymbolStates(100_000);

  private boolean outOfOrder(OrderDetector detector, MarketEvent event, List<Anomaly> out) {
    return detector.isOutOfOrder(event, states.of(event.venue(), event.symbol()), out);
  }

  @Test
  void countsExactlyTheReorderingsOfASeededShuffle() {
    Random random = new Random(7);
    String[] symbols = {"BTC-USD", "ETH-USD", "SOL-USD"};
    List<MarketEvent> stream = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      String symbol = symbols[random.nextInt(symbols.length)];
      long time = T0 + i * 1_000L;
      stream.add(random.nextBoolean() ? trade("v", symbol, "t" + i, time) : quote("v", symbol, time));
    }
    // Shuffle window 10: each event may swap with one of the next 9.
    for (int i = 0; i < stream.size(); i++) {
      int j = Math.min(stream.size() - 1, i + random.nextInt(10));
      Collections.swap(stream, i, j);
    }
    int expected = bruteForceLateEvents(stream);

    OrderDetector detector = new OrderDetector();
    List<Anomaly> out = new ArrayList<>();
    int flagged = 0;
    for (MarketEvent event : stream) {
      flagged += outOfOrder(detector, event, out) ? 1 : 0;
    }
    assertThat(expected).isGreaterThan(100);
    assertThat(flagged).isEqualTo(expected);
    assertThat(out).hasSize(expected).allSatisfy(a -> {
      assertThat(a.type()).isEqualTo("out_of_order");
      assertThat(a.measure()).isPositive();
    });
  }

  /** An event is late when some earlier event of the same symbol has a later event time: O(n^2), on purpose. */
  private static int bruteForceLateEvents(List<MarketEvent> stream) {
    int late = 0;
    for (int i = 0; i < stream.size(); i++) {
      MarketEvent e = stream.get(i);
      for (int j = 0; j < i; j++) {
        MarketEvent before = stream.get(j);
        if (before.symbol().equals(e.symbol()) && before.eventTime() > e.eventTime()) {
          late++;
          break;
        }
      }
    }
    return late;
  }

  @Test
  void measuresHowFarBehindInMillisAndTreatsEqualTimesAsInOrder() {
    OrderDetector detector = new OrderDetector();
    List<Anomaly> out = new ArrayList<>();
    assertThat(outOfOrder(detector, trade("v", "X", "1", T0 + 5_000), out)).isFalse();
    assertThat(outOfOrder(detector, trade("v", "X", "2", T0 + 5_000), out)).isFalse();
    assertThat(outOfOrder(detector, trade("v", "Y", "3", T0), out)).isFalse();
    assertThat(outOfOrder(detector, trade("w", "X", "3", T0), out)).isFalse();
    assertThat(outOfOrder(detector, trade("v", "X", "4", T0 + 2_500), out)).isTrue();
    // The late event does not lower the high-water mark.
    assertThat(outOfOrder(detector, trade("v", "X", "5", T0 + 4_000), out)).isTrue();
    assertThat(out).extracting(Anomaly::measure).containsExactly(2.5, 1.0);
    assertThat(out.get(0).ts()).isEqualTo(T0 + 2_500);
  }

  @Test
  void keysAreBounded() {
    OrderDetector detector = new OrderDetector();
    SymbolStates bounded = new SymbolStates(10);
    List<Anomaly> out = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      MarketEvent event = trade("v", "S" + i, "1", T0);
      detector.isOutOfOrder(event, bounded.of(event.venue(), event.symbol()), out);
    }
    assertThat(bounded.size()).isEqualTo(10);
    assertThat(bounded.evictions()).isEqualTo(990);
    assertThat(out).isEmpty();
  }
}
