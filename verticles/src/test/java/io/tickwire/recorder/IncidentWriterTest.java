package io.tickwire.recorder;

import static io.tickwire.recorder.Recorded.MS;
import static io.tickwire.recorder.Recorded.T0;
import static io.tickwire.recorder.Recorded.anomaly;
import static io.tickwire.recorder.Recorded.mixed;
import static io.tickwire.recorder.Recorded.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickwire.codecs.Anomaly;
import io.tickwire.codecs.IsoTime;
import io.tickwire.codecs.MarketEvent;
import io.tickwire.codecs.V1Json;
import io.tickwire.flow.Clock;
import io.tickwire.codecs.AnomalyTypes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncidentWriterTest {
  @TempDir
  Path dir;

  private Incident incident;

  /** 50 events before (the trigger, a quote, last), 20 after, trades, quotes and books mixed. */
  @BeforeEach
  void capture() {
    List<Incident> out = new ArrayList<>();
    FlightRecorder recorder = new FlightRecorder(settings(50, 20, 60_000), out::add);
    for (int i = 0; i < 100; i++) {
      MarketEvent event = mixed(i);
      recorder.record(event);
      if (i == 79) {
        recorder.anomaly(anomaly(AnomalyTypes.OUTLIER_PRICE, event), 1_714_564_801_234L);
      } else if (i == 85 || i == 90) {
        recorder.anomaly(anomaly(AnomalyTypes.DUPLICATE, event), 0);
      }
    }
    incident = out.get(0);
  }

  @Test
  void writesTheThreeFilesIntoTheIdDirectoryAndNothingElse() throws IOException {
    Path bundle = IncidentWriter.write(dir, incident);

    assertThat(bundle).isEqualTo(dir.resolve(incident.id()));
    assertThat(bundle.resolve("events.jsonl")).isRegularFile();
    assertThat(bundle.resolve("meta.json")).isRegularFile();
    assertThat(bundle.resolve("report.md")).isRegularFile();
    try (Stream<Path> entries = Files.list(dir)) {
      assertThat(entries.map(p -> p.getFileName().toString())).containsExactly(incident.id());
    }
  }

  @Test
  void eventsJsonlHoldsTheEventsBeforeThenAfterAsV1JsonThatReadsBackTheSame() throws IOException {
    Path bundle = IncidentWriter.write(dir, incident);

    List<String> lines = Files.readAllLines(bundle.resolve("events.jsonl"));
    assertThat(lines).hasSize(70);
    List<MarketEvent> read = lines.stream().map(V1Json::readEvent).toList();
    List<MarketEvent> expected = new ArrayList<>();
    for (int i = 30; i < 100; i++) {
      expected.add(mixed(i));
    }
    assertThat(read).containsExactlyElementsOf(expected);
    // The trigger's event is at trigger_index, the last line before.
    assertThat(read.get(49).eventTime()).isEqualTo(incident.trigger().ts());
  }

  @Test
  void metaJsonDescribesTheIncident() throws IOException {
    long before = Clock.nowMicros();
    JsonObject meta = new JsonObject(Files.readString(IncidentWriter.write(dir, incident).resolve("meta.json")));

    assertThat(meta.getString("id")).isEqualTo(incident.id());
    assertThat(IsoTime.parse(meta.getString("created"))).isBetween(before, Clock.nowMicros());
    assertThat(meta.getString("triggered")).isEqualTo("2024-05-01T12:00:01.234000Z");
    JsonObject trigger = meta.getJsonObject("trigger");
    assertThat(trigger).isEqualTo(new JsonObject(V1Json.toJson(incident.trigger())));
    assertThat(V1Json.readAnomaly(trigger.encode())).isEqualTo(incident.trigger());
    assertThat(trigger.getString("type")).isEqualTo("outlier_price");
    assertThat(meta.getInteger("trigger_index")).isEqualTo(50);
    assertThat(meta.getInteger("events_before")).isEqualTo(50);
    assertThat(meta.getInteger("events_after")).isEqualTo(20);
    assertThat(meta.getString("completed_by")).isEqualTo("after_events");
    assertThat(meta.getJsonObject("anomaly_counts"))
        .isEqualTo(new JsonObject().put("duplicate", 2).put("outlier_price", 1));
    assertThat(meta.getString("first_event_time")).isEqualTo(IsoTime.format(T0 + 30 * MS));
    assertThat(meta.getString("last_event_time")).isEqualTo(IsoTime.format(T0 + 99 * MS));
    assertThat(meta.getJsonArray("venues")).isEqualTo(new JsonArray(List.of("sim", "sim2")));
    assertThat(meta.getJsonArray("symbols")).isEqualTo(new JsonArray(List.of("BTC-USD", "ETH-USD")));
    assertThat(meta.getJsonArray("evidence")).hasSize(3);
    JsonObject config = meta.getJsonObject("config");
    assertThat(config.getInteger("before_events")).isEqualTo(50);
    assertThat(config.getInteger("after_events")).isEqualTo(20);
    assertThat(config.getLong("cooldown_ms")).isEqualTo(60_000L);
    assertThat(config.getJsonArray("trigger_types")).isEqualTo(new JsonArray(Recorded.TRIGGERS));
  }

  @Test
  void anUnknownTriggerEventIsANullTriggerIndex() throws IOException {
    Anomaly stale = new Anomaly("sim", "SOL-USD", AnomalyTypes.STALE_FEED, T0, "no event for 30 s", Double.NaN);
    Incident noEvent = new Incident(IncidentIds.of(T0, 7), stale, incident.before(), List.of(),
        incident.anomalyCounts(), List.of(stale), Incident.Completion.FLUSH, 0, incident.settings());

    JsonObject meta = new JsonObject(Files.readString(IncidentWriter.write(dir, noEvent).resolve("meta.json")));

    assertThat(meta.containsKey("trigger_index")).isTrue();
    assertThat(meta.getValue("trigger_index")).isNull();
    assertThat(meta.getJsonObject("trigger").getValue("measure")).isNull();
  }

  @Test
  void reportMdHasTheSummaryTheEvidenceAndTheReplayCommand() throws IOException {
    Path bundle = IncidentWriter.write(dir, incident);
    String report = Files.readString(bundle.resolve("report.md"));

    assertThat(report).startsWith("# Incident " + incident.id() + "\n");
    assertThat(report).contains("./tickwire replay --local --file "
        + bundle.resolve("events.jsonl").toAbsolutePath() + " --summary json");
    assertThat(report).contains("| Trigger | outlier_price |", "| Venue | sim |", "| Symbol | ETH-USD |",
        "| Time | " + IsoTime.format(T0 + 79 * MS) + " |", "| Events before (trigger included) | 50 |",
        "| Events after | 20 |", "| Trigger line in events.jsonl | 50 |",
        "| Event time range | " + IsoTime.format(T0 + 30 * MS) + " to " + IsoTime.format(T0 + 99 * MS) + " |");
    assertThat(report).contains("| duplicate | 2 |", "| outlier_price | 1 |");
    // The detail carries a '|', which must not split the table cell.
    assertThat(report).contains("| Detail | outlier_price \\| on ETH-USD |");
    assertThat(report).contains("## Evidence (first 3 anomalies of the capture)");
    assertThat(report).contains("| " + IsoTime.format(T0 + 79 * MS) + " | outlier_price | sim | ETH-USD |",
        "| " + IsoTime.format(T0 + 85 * MS) + " | duplicate | sim | ETH-USD |",
        "| " + IsoTime.format(T0 + 90 * MS) + " | duplicate | sim | BTC-USD |");
  }

  @Test
  void refusesToOverwriteABundleAndLeavesNoTemporaryDirectory() throws IOException {
    Path bundle = IncidentWriter.write(dir, incident);
    String events = Files.readString(bundle.resolve("events.jsonl"));

    assertThatThrownBy(() -> IncidentWriter.write(dir, incident))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(bundle.toString());

    assertThat(Files.readString(bundle.resolve("events.jsonl"))).isEqualTo(events);
    try (Stream<Path> entries = Files.list(dir)) {
      assertThat(entries.map(p -> p.getFileName().toString())).containsExactly(incident.id());
    }
  }

  @Test
  void aFailedWriteNamesTheBundlePath() throws IOException {
    Path notADirectory = Files.writeString(dir.resolve("file"), "x");

    assertThatThrownBy(() -> IncidentWriter.write(notADirectory, incident))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(notADirectory.resolve(incident.id()).toString());
  }
}
