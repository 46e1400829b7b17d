package io.tickwire.router.detect;

import static io.tickwire.router.detect.Events.T0;
import static io.tickwire.router.detect.Events.trade;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.Anomaly;
import io.tickwire.codecs.Trade;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DuplicateDetectorTest {
  @Test
  void aBackfilledCopyOfALiveTradeIsADuplicateAndSoIsALiveCopyOfABackfilledOne() {
    DuplicateDetector detector = new DuplicateDetector();
    List<Anomaly> out = new ArrayList<>();
    Trade live = trade("coinbase", "SKL-USD", "1568274", T0);
    Trade fetched = trade("coinbase", "SKL-USD", "1568275", T0 + 1).asBackfill();
    assertThat(detector.isDuplicate(live, out)).isFalse();
    assertThat(detector.isDuplicate(live.asBackfill(), out)).as("provenance is not part of a trade's identity")
        .isTrue();
    assertThat(detector.isDuplicate(fetched, out)).as("a backfilled trade the stream lacked").isFalse();
    assertThat(detector.isDuplicate(trade("coinbase", "SKL-USD", "1568275", T0 + 1), out))
        .as("the venue resending, live, a trade already backfilled").isTrue();
    assertThat(out).hasSize(2)
        .allSatisfy(a -> assertThat(a.type()).isEqualTo(io.tickwire.codecs.AnomalyTypes.DUPLICATE));
  }

  @Test
  void detectsExactlyTheInjectedDuplicates() {
    Random random = new Random(42);
    String[] venues = {"binance", "coinbase"};
    String[] symbols = {"BTC-USD", "ETH-USD", "SOL-USD"};
    List<Trade> originals = new ArrayList<>();
    List<Trade> stream = new ArrayList<>();
    Map<Trade, Boolean> injected = new IdentityHashMap<>();
    for (int i = 0; i < 5_000; i++) {
      // Trade ids repeat across venues and symbols on purpose: only (venue, symbol, id) identifies a trade.
      Trade original = trade(venues[random.nextInt(venues.length)], symbols[random.nextInt(symbols.length)],
          Integer.toString(i / 3), T0 + i);
      if (!isKnown(originals, original)) {
        originals.add(original);
        stream.add(original);
      }
      if (random.nextDouble() < 0.05) {
        Trade earlier = originals.get(random.nextInt(originals.size()));
        Trade copy = trade(earlier.venue(), earlier.symbol(), earlier.tradeId(), earlier.eventTime());
        injected.put(copy, Boolean.TRUE);
        stream.add(copy);
      }
    }
    DuplicateDetector detector = new DuplicateDetector();
    List<Anomaly> out = new ArrayList<>();
    int flagged = 0;
    for (Trade trade : stream) {
      boolean duplicate = detector.isDuplicate(trade, out);
      assertThat(duplicate).as("trade %s", trade).isEqualTo(injected.containsKey(trade));
      flagged += duplicate ? 1 : 0;
    }
    assertThat(injected).hasSizeGreaterThan(100);
    assertThat(flagged).isEqualTo(injected.size());
    assertThat(out).hasSize(injected.size()).allSatisfy(a -> {
      assertThat(a.type()).isEqualTo("duplicate");
      assertThat(a.measure()).isNaN();
      assertThat(a.detail()).isNotBlank();
    });
  }

  private static boolean isKnown(List<Trade> originals, Trade trade) {
    for (int i = originals.size() - 1; i >= 0 && i >= originals.size() - 10; i--) {
      Trade o = originals.get(i);
      if (o.venue().equals(trade.venue()) && o.symbol().equals(trade.symbol()) && o.tradeId().equals(trade.tradeId())) {
        return true;
      }
    }
    return false;
  }

  @Test
  void sameIdOnAnotherVenueOrSymbolIsNotADuplicate() {
    DuplicateDetector detector = new DuplicateDetector();
    List<Anomaly> out = new ArrayList<>();
    assertThat(detector.isDuplicate(trade("a", "X", "7", T0), out)).isFalse();
    assertThat(detector.isDuplicate(trade("b", "X", "7", T0), out)).isFalse();
    assertThat(detector.isDuplicate(trade("a", "Y", "7", T0), out)).isFalse();
    assertThat(detector.isDuplicate(trade("a", "X", "7", T0 + 5), out)).isTrue();
    assertThat(out).singleElement().satisfies(a -> {
      assertThat(a.venue()).isEqualTo("a");
      assertThat(a.symbol()).isEqualTo("X");
      assertThat(a.ts()).isEqualTo(T0 + 5);
    });
  }

  @Test
  void forgetsTheLeastRecentlySeenIdBeyondCapacity() {
    DuplicateDetector detector = new DuplicateDetector(3);
    List<Anomaly> out = new ArrayList<>();
    for (String id : new String[] {"1", "2", "3", "4"}) {
      assertThat(detector.isDuplicate(trade("a", "X", id, T0), out)).isFalse();
    }
    assertThat(detector.remembered("a")).isEqualTo(3);
    // "1" was evicted, so it looks new again (and now evicts "2"); "3" is still remembered.
    assertThat(detector.isDuplicate(trade("a", "X", "1", T0), out)).isFalse();
    assertThat(detector.isDuplicate(trade("a", "X", "3", T0), out)).isTrue();
    assertThat(detector.isDuplicate(trade("a", "X", "2", T0), out)).isFalse();
    assertThat(out).hasSize(1);
  }

  @Test
  void memoryStaysAtCapacityPerVenue() {
    DuplicateDetector detector = new DuplicateDetector(100);
    List<Anomaly> out = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      detector.isDuplicate(trade("a", "X", Integer.toString(i), T0 + i), out);
      detector.isDuplicate(trade("b", "X", Integer.toString(i), T0 + i), out);
    }
    assertThat(detector.remembered("a")).isEqualTo(100);
    assertThat(detector.remembered("b")).isEqualTo(100);
    assertThat(detector.remembered("c")).isZero();
    assertThat(out).isEmpty();
  }
}
