package io.tickwire.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.recorder.IncidentStore;
import io.tickwire.recorder.IncidentWriter;
import io.tickwire.testing.Pipelines;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The flight recorder end to end: a stream with injected duplicates makes the pipeline write incident bundles of
 * the configured sizes, and replaying a bundle's events.jsonl with {@code replay --local} reproduces its trigger.
 */
class IncidentBundleReplayTest {
  @TempDir
  Path live;
  @TempDir
  Path replayed;

  @Test
  void aBundleHasTheConfiguredSizesAndReplayingItReproducesTheTrigger() throws Exception {
    ChaosResult chaos = new ChaosInjector(new ChaosSettings(0.02, 0, 0, 0, 3)).inject(DemoStream.lines(15_000, 100, 3));
    ReplaySummary first = LocalReplays.run(live, chaos.lines());
    assertThat(first.incidents()).as("150 s of event time, a 60 s cooldown").isEqualTo(3);

    List<JsonObject> incidents = new IncidentStore(live.resolve("incidents")).list();
    assertThat(incidents).hasSize(3);
    JsonObject oldest = incidents.get(2);
    JsonObject middle = incidents.get(1);
    assertThat(middle.getInteger("events_before")).isEqualTo(5_000);
    assertThat(middle.getInteger("events_after")).isEqualTo(3_000);
    Path bundle = live.resolve("incidents").resolve(middle.getString("id"));
    assertThat(bundle.resolve(IncidentWriter.REPORT)).content().contains("replay --local --file");
    List<String> events = Files.readAllLines(bundle.resolve(IncidentWriter.EVENTS), StandardCharsets.UTF_8);
    assertThat(events).hasSize(8_000);
    assertThat(oldest.getInteger("events_before")).as("the first trigger comes early in the stream")
        .isLessThan(5_000);

    JsonObject trigger = middle.getJsonObject("trigger");
    Pipelines.Capture anomalies = new Pipelines.Capture();
    ReplaySummary again = LocalReplays.run(replayed, events, List.of("md.anomalies"), anomalies,
        "detect.anomaly_samples_per_sec=100000");
    assertThat(again.anomalies().get(trigger.getString("type"))).isPositive();
    assertThat(anomalies.text().lines().map(JsonObject::new).toList())
        .as("the trigger detected again from the bundle alone").contains(trigger);
  }
}
