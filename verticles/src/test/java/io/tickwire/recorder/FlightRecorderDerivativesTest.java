package io.tickwire.recorder;

import static io.tickwire.recorder.Recorded.MS;
import static io.tickwire.recorder.Recorded.T0;
import static io.tickwire.recorder.Recorded.anomaly;
import static io.tickwire.recorder.Recorded.settings;
import static io.tickwire.recorder.Recorded.trade;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.AnomalyTypes;
import io.tickwire.codecs.MarketEvent;
import io.tickwire.codecs.V1Json;
import io.tickwire.testing.DerivativeSamples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The derivatives kinds around an incident: held, captured and written to the bundle like every event. */
class FlightRecorderDerivativesTest {
  @Test
  void derivativesEventsAroundATriggerAreCapturedAndWrittenToTheBundle(@TempDir Path dir) throws IOException {
    List<Incident> incidents = new ArrayList<>();
    FlightRecorder recorder = new FlightRecorder(settings(10, 3, 60_000), incidents::add);
    List<MarketEvent> recorded = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      MarketEvent event = switch (i % 3) {
        case 0 -> DerivativeSamples.optionTicker("BTC-24SEP21-8000-P", T0 + i * MS);
        case 1 -> DerivativeSamples.markFunding("BTCUSDT", T0 + i * MS);
        default -> DerivativeSamples.volatilityIndex("btc_usd", T0 + i * MS);
      };
      recorded.add(event);
      recorder.record(event);
    }
    recorder.record(trade(12));
    recorder.anomaly(anomaly(AnomalyTypes.OUTLIER_PRICE, trade(12)), 0);
    for (int i = 13; i < 16; i++) {
      MarketEvent event = DerivativeSamples.volatilityIndex("btc_usd", T0 + i * MS);
      recorded.add(event);
      recorder.record(event);
    }

    assertThat(incidents).singleElement().satisfies(incident -> {
      assertThat(incident.before()).hasSize(10).endsWith(trade(12))
          .containsAll(recorded.subList(3, 12));
      assertThat(incident.after()).containsExactlyElementsOf(recorded.subList(12, 15));
    });
    Path bundle = IncidentWriter.write(dir, incidents.get(0));
    List<MarketEvent> written = Files.readAllLines(bundle.resolve("events.jsonl")).stream()
        .map(V1Json::readEvent).toList();
    assertThat(written).containsExactlyElementsOf(incidents.get(0).events());
  }
}
