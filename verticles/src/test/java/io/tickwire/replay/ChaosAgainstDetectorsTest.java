package io.tickwire.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.Anomaly;
import io.tickwire.codecs.MarketEvent;
import io.tickwire.codecs.Trade;
import io.tickwire.codecs.V1Json;
import io.tickwire.router.detect.DuplicateDetector;
import io.tickwire.router.detect.OrderDetector;
import io.tickwire.router.detect.SequenceGapDetector;
import io.tickwire.router.detect.SymbolState;
import io.tickwire.router.detect.SymbolStates;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The injector's ground truth, held against tickwire's own detectors over many seeds. The output goes through what
 * the ingest and the router do with it once schema drift is refused at the ingest: lines with unknown keys or that
 * do not decode are refused, a duplicate is dropped before the order and gap checks.
 */
class ChaosAgainstDetectorsTest {
  private static final List<String> TRADES = StreamLines.trades(3_000, 77);

  private record Detected(long refused, long duplicates, long outOfOrder, long gaps) {
  }

  private static Detected detect(List<String> lines) {
    DuplicateDetector duplicates = new DuplicateDetector();
    OrderDetector order = new OrderDetector();
    SequenceGapDetector gaps = new SequenceGapDetector();
    SymbolStates states = new SymbolStates(100_000);
    List<Anomaly> dup = new ArrayList<>();
    List<Anomaly> late = new ArrayList<>();
    List<Anomaly> gap = new ArrayList<>();
    long refused = 0;
    for (String line : lines) {
      MarketEvent event = strictlyDecoded(line);
      if (event == null) {
        refused++;
      } else if (!(event instanceof Trade trade) || !duplicates.isDuplicate(trade, dup)) {
        SymbolState state = states.of(event.venue(), event.symbol());
        order.isOutOfOrder(event, state, late);
        if (event instanceof Trade trade) {
          gaps.check(trade, state, gap);
        }
      }
    }
    gaps.flush(states.all(), 0, gap); // the stream ended: ids still inside the reorder window are lost too
    return new Detected(refused, dup.size(), late.size(), gap.size());
  }

  private static MarketEvent strictlyDecoded(String line) {
    try {
      V1Json.Parsed parsed = V1Json.parse(line);
      return parsed.unknownKeys().isEmpty() && parsed.record() instanceof MarketEvent e ? e : null;
    } catch (RuntimeException refused) {
      return null;
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
  void withoutShuffleEveryCountIsExact(long seed) {
    ChaosResult result = new ChaosInjector(new ChaosSettings(0.05, 0, 0.05, 0.05, seed)).inject(TRADES);
    Injected injected = result.injected();
    Detected detected = detect(result.lines());
    assertThat(detected).isEqualTo(new Detected(injected.drift(), injected.duplicates(), injected.outOfOrder(),
        injected.gapEpisodes()));
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
  void withShuffleDuplicatesDriftAndReorderingsAreStillExact(long seed) {
    ChaosResult result = new ChaosInjector(new ChaosSettings(0.05, 16, 0.05, 0.05, seed)).inject(TRADES);
    Injected injected = result.injected();
    Detected detected = detect(result.lines());
    assertThat(detected.refused()).isEqualTo(injected.drift());
    assertThat(detected.duplicates()).isEqualTo(injected.duplicates());
    assertThat(detected.outOfOrder()).isEqualTo(injected.outOfOrder()).isPositive();
  }
}
