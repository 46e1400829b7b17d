package io.tickwire.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tickwire.codecs.V1FormatException;
import io.tickwire.codecs.V1Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChaosInjectorTest {
  private static final List<String> TRADES = StreamLines.trades(20_000, 42);

  private static ChaosResult inject(List<String> lines, ChaosSettings settings) {
    return new ChaosInjector(settings).inject(lines);
  }

  @Test
  void theSameSeedGivesTheSameOutputAndCountsAndAnotherSeedDoesNot() {
    ChaosSettings settings = new ChaosSettings(0.05, 8, 0.03, 0.02, 7);
    ChaosResult first = inject(TRADES, settings);
    ChaosResult again = inject(new ArrayList<>(TRADES), settings);
    assertThat(again.lines()).isEqualTo(first.lines());
    assertThat(again.injected()).isEqualTo(first.injected());

    ChaosResult other = inject(TRADES, new ChaosSettings(0.05, 8, 0.03, 0.02, 8));
    assertThat(other.lines()).isNotEqualTo(first.lines());
  }

  @Test
  void ratesAreHonouredOverTwentyThousandTrades() {
    ChaosResult result = inject(TRADES, new ChaosSettings(0.05, 0, 0.03, 0.02, 11));
    Injected injected = result.injected();
    assertThat((double) injected.duplicates()).isCloseTo(1_000, within(150.0));
    assertThat((double) injected.drift()).isCloseTo(600, within(120.0));
    assertThat((double) injected.droppedLines()).isCloseTo(400, within(100.0));
    for (DriftKind kind : DriftKind.values()) {
      assertThat((double) injected.drift(kind)).as(kind.label()).isCloseTo(200, within(60.0));
    }
    assertThat(result.lines()).hasSize(20_000 + (int) injected.duplicates() - (int) injected.droppedLines());
    assertThat(injected.gapEpisodes()).as("runs of dropped or drifted trades")
        .isBetween(1L, injected.droppedLines() + injected.drift());
    assertThat(injected.outOfOrder()).as("synthetic event times rise; nothing was shuffled").isZero();
  }

  @Test
  void zeroRatesAndNoShuffleLeaveTheInputAsItWasLessBlankLines() {
    List<String> input = new ArrayList<>(TRADES.subList(0, 1_000));
    List<String> withBlanks = new ArrayList<>(input);
    withBlanks.add(10, "");
    withBlanks.add(500, "   ");
    ChaosResult result = inject(withBlanks, ChaosSettings.none(3));
    assertThat(result.lines()).isEqualTo(input);
    assertThat(result.injected()).isEqualTo(new Injected(0, java.util.Map.of(), 0, 0, 0));
  }

  @Test
  void everyDriftedLineIsRefusedOrCarriesAnUnknownKeyAndEveryOtherLineStillParses() {
    List<String> input = StreamLines.mixed(9_000);
    ChaosResult result = inject(input, new ChaosSettings(0.02, 0, 0.3, 0.02, 5));
    Set<String> original = new HashSet<>(input);
    long refused = 0;
    long unknownKey = 0;
    for (String line : result.lines()) {
      if (original.contains(line)) {
        assertThat(V1Json.readEvent(line)).as("a kept line: %s", line).isNotNull();
        assertThat(V1Json.parse(line).unknownKeys()).isEmpty();
      } else if (refusedByDecoder(line)) {
        refused++;
      } else {
        assertThat(V1Json.parse(line).unknownKeys()).as("drifted but accepted: %s", line).isNotEmpty();
        unknownKey++;
      }
    }
    Injected injected = result.injected();
    assertThat(unknownKey).isEqualTo(injected.drift(DriftKind.ADDED_KEY));
    assertThat(refused).isEqualTo(injected.drift(DriftKind.MISSING_KEY) + injected.drift(DriftKind.CHANGED_TYPE));
    assertThat(injected.drift(DriftKind.MISSING_KEY)).isPositive();
    assertThat(injected.drift(DriftKind.CHANGED_TYPE)).isPositive();
  }

  private static boolean refusedByDecoder(String line) {
    try {
      V1Json.readEvent(line);
      return false;
    } catch (V1FormatException e) {
      return true;
    }
  }

  @Test
  void linesThatAreNotEventsPassThroughUntouched() {
    List<String> input = List.of("not json", "{\"ver\":1,\"kind\":\"bar\"}", "[1]");
    ChaosResult result = inject(input, new ChaosSettings(0.3, 0, 0.4, 0.3, 1));
    assertThat(result.lines()).isEqualTo(input);
    assertThat(result.injected().drift() + result.injected().duplicates() + result.injected().droppedLines()).isZero();
  }

  @Test
  void settingsRefuseRatesOutsideZeroToOneOrSummingOverOne() {
    assertThatThrownBy(() -> new ChaosSettings(1.5, 0, 0, 0, 1)).hasMessageContaining("duplicateRate");
    assertThatThrownBy(() -> new ChaosSettings(0, 0, -0.1, 0, 1)).hasMessageContaining("driftRate");
    assertThatThrownBy(() -> new ChaosSettings(0, 0, 0, Double.NaN, 1)).hasMessageContaining("gapRate");
    assertThatThrownBy(() -> new ChaosSettings(0.5, 0, 0.3, 0.3, 1)).hasMessageContaining("at most 1");
    assertThatThrownBy(() -> new ChaosSettings(0, -1, 0, 0, 1)).hasMessageContaining("shuffleWindow");
  }
}
