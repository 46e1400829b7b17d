package io.tickwire.router.detect;

import static io.tickwire.router.detect.Events.T0;
import static io.tickwire.router.detect.Events.quote;
import static io.tickwire.router.detect.Events.trade;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.Anomaly;
import io.tickwire.codecs.MarketEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StaleFeedDetectorTest {
  private final SymbolStates states = new SymbolStates(100_000);

  private void seen(StaleFeedDetector detector, MarketEvent event, long nowMicros) {
    detector.seen(event, states.of(event.venue(), event.symbol()), nowMicros);
  }

  private static final long SECOND = 1_000_000L;
  private static final long WALL = 1_800_000_000_000_000L;

  @Test
  void reportsEachSilentSymbolOncePerSilenceAndReArmsOnTheNextEvent() {
    StaleFeedDetector detector = new StaleFeedDetector(30 * SECOND);
    List<Anomaly> out = new ArrayList<>();
    seen(detector, trade("v", "BTC-USD", "1", T0), WALL);
    seen(detector, quote("v", "ETH-USD", T0 + 5), WALL + 10 * SECOND);

    assertThat(detector.check(states.all(), WALL + 29 * SECOND, out)).as("not yet 30 s").isZero();
    assertThat(detector.check(states.all(), WALL + 30 * SECOND, out)).isEqualTo(1);
    assertThat(out.get(0).symbol()).isEqualTo("BTC-USD");
    assertThat(out.get(0).type()).isEqualTo("stale_feed");
    assertThat(out.get(0).ts()).as("the last event time").isEqualTo(T0);
    assertThat(out.get(0).measure()).isEqualTo(30.0);
    assertThat(detector.check(states.all(), WALL + 35 * SECOND, out)).as("reported once per silence").isZero();
    assertThat(detector.check(states.all(), WALL + 40 * SECOND, out)).as("ETH after its own 30 s").isEqualTo(1);

    seen(detector, trade("v", "BTC-USD", "2", T0 + 50 * SECOND), WALL + 50 * SECOND);
    assertThat(detector.check(states.all(), WALL + 79 * SECOND, out)).isZero();
    assertThat(detector.check(states.all(), WALL + 80 * SECOND, out)).as("re-armed by the event").isEqualTo(1);
    assertThat(out).extracting(Anomaly::symbol).containsExactly("BTC-USD", "ETH-USD", "BTC-USD");
  }

  @Test
  void watchesAreBoundedAndSymbolsNeverSeenAreNeverStale() {
    StaleFeedDetector detector = new StaleFeedDetector(SECOND);
    SymbolStates bounded = new SymbolStates(10);
    List<Anomaly> out = new ArrayList<>();
    assertThat(detector.check(bounded.all(), WALL + 100 * SECOND, out)).isZero();
    bounded.of("v", "NEVER-SEEN");
    assertThat(detector.check(bounded.all(), WALL + 100 * SECOND, out)).as("known but no event yet").isZero();
    for (int i = 0; i < 1_000; i++) {
      MarketEvent event = trade("v", "S" + i, "1", T0);
      detector.seen(event, bounded.of(event.venue(), event.symbol()), WALL);
    }
    assertThat(bounded.size()).isEqualTo(10);
    assertThat(detector.check(bounded.all(), WALL + 2 * SECOND, out)).isEqualTo(10);
  }
}
