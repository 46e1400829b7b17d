package io.tickwire.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.V1FormatException;
import io.tickwire.codecs.V1Json;
import io.tickwire.testing.DerivativeSamples;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Schema-drift faults on the derivatives kinds: each drifted line is refused or carries an unknown key. */
class ChaosDerivativesTest {
  private static final long T = 1_626_993_723_632_000L;

  private static List<String> lines(int n) {
    List<String> lines = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      long t = T + i * 1_000L;
      lines.add(V1Json.toJson(switch (i % 3) {
        case 0 -> DerivativeSamples.optionTicker("BTC-24SEP21-8000-P", t);
        case 1 -> DerivativeSamples.markFunding("BTCUSDT", t);
        default -> DerivativeSamples.volatilityIndex("btc_usd", t);
      }));
    }
    return lines;
  }

  @Test
  void everyDriftedDerivativesLineIsRefusedOrCarriesAnUnknownKey() {
    List<String> input = lines(3_000);
    ChaosResult result = new ChaosInjector(new ChaosSettings(0, 0, 0.3, 0, 11)).inject(input);
    Set<String> original = new HashSet<>(input);
    long refused = 0;
    long unknownKey = 0;
    for (String line : result.lines()) {
      if (original.contains(line)) {
        continue;
      }
      try {
        V1Json.readEvent(line);
        assertThat(V1Json.parse(line).unknownKeys()).as("drifted but accepted: %s", line).isNotEmpty();
        unknownKey++;
      } catch (V1FormatException e) {
        assertThat(e.schemaDrift()).as("%s: %s", line, e.getMessage()).isTrue();
        refused++;
      }
    }
    Injected injected = result.injected();
    assertThat(unknownKey).isEqualTo(injected.drift(DriftKind.ADDED_KEY));
    assertThat(refused).isEqualTo(injected.drift(DriftKind.MISSING_KEY) + injected.drift(DriftKind.CHANGED_TYPE));
    assertThat(injected.drift(DriftKind.MISSING_KEY)).isPositive();
    assertThat(injected.drift(DriftKind.CHANGED_TYPE)).isPositive();
  }
}
